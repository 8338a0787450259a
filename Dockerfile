# Multi-stage build: compile fansql in release mode, run it as a non-root user on a slim image.
FROM rust:1.95-bookworm AS build
WORKDIR /src
# Dependencies first, in a layer of their own, built against placeholder sources: a change to
# fansql's code then rebuilds fansql only, not DataFusion and Ballista (most of an hour).
COPY Cargo.toml Cargo.lock ./
COPY udfs/Cargo.toml udfs/
RUN mkdir -p src/bin udfs/src \
 && touch src/lib.rs udfs/src/lib.rs \
 && for bin in src/main.rs src/bin/fansql-scheduler.rs src/bin/fansql-executor.rs; do echo 'fn main() {}' > "$bin"; done \
 && cargo build --release --locked --bins \
 && rm -r src udfs/src
COPY udfs udfs
COPY src src
# COPY keeps the files' own times, which can be older than the placeholder build's: touch them so
# cargo rebuilds fansql from the real sources.
RUN touch src/lib.rs src/main.rs src/bin/*.rs udfs/src/lib.rs \
 && cargo build --release --locked --bins

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
