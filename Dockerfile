# Multi-stage build: compile fansql in release mode, run it as a non-root user on a slim image.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY udfs udfs
COPY src src
RUN cargo build --release --locked --bins

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 fansql
WORKDIR /app
COPY --from=build /src/target/release/fansql /src/target/release/fansql-scheduler \
     /src/target/release/fansql-executor /usr/local/bin/
COPY queries queries
COPY data data
RUN mkdir -p outputs && chown fansql:fansql outputs
USER fansql
ENTRYPOINT ["fansql"]
# The main job: the full pipeline on the bundled sample (or on what is mounted at /app/data).
CMD ["run", "queries/pipeline", "--out", "outputs"]
