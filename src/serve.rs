//! `fansql serve`: the session (tables, views saved queries made, every fansql function) over
//! the PostgreSQL wire protocol, so psql, DBeaver, Metabase and Grafana can query it live.
//!
//! datafusion-postgres does the protocol (pgwire), the `pg_catalog` tables clients introspect,
//! and Arrow-to-Postgres encoding. Two things it does not do are added here:
//! - **a session per connection**: it shares one `SessionContext` among all clients, so one
//!   user's `SET` would change every user's. A query hook gives each connection its own copy of
//!   the session (same tables and functions, its own settings) and runs queries, `SET` and
//!   `SHOW` of `fansql.*`/`datafusion.*` there; Postgres' own session statements (`SET
//!   client_encoding`, `BEGIN`, cursors) go to datafusion-postgres' hooks.
//! - **read-only by default**: statements that write (`COPY`, `INSERT`, `CREATE`, `DROP`, ...)
//!   and functions that write files (`plot_scatter*`) are refused unless `--allow-writes`.
//!
//! Optional password authentication (cleartext, so keep to loopback or a TLS-terminating
//! proxy) from `FANSQL_PG_USER` / `FANSQL_PG_PASSWORD`.

use std::collections::HashMap;
use std::fmt::Debug;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use datafusion::common::ParamValues;
use datafusion::error::{DataFusionError, Result};
use datafusion::execution::SessionState;
use datafusion::logical_expr::LogicalPlan;
use datafusion::prelude::{DataFrame, SessionContext};
use datafusion::sql::sqlparser::ast::Statement;
use datafusion_postgres::arrow_pg::datatypes::df::encode_dataframe;
use datafusion_postgres::datafusion_pg_catalog::pg_catalog::context::EmptyContextProvider;
use datafusion_postgres::datafusion_pg_catalog::setup_pg_catalog;
use datafusion_postgres::hooks::cursor::CursorStatementHook;
use datafusion_postgres::hooks::set_show::SetShowHook;
use datafusion_postgres::hooks::transactions::TransactionStatementHook;
use datafusion_postgres::hooks::{HookClient, QueryHook};
use datafusion_postgres::pgwire::api::auth::cleartext::CleartextPasswordAuthStartupHandler;
use datafusion_postgres::pgwire::api::auth::noop::NoopStartupHandler;
use datafusion_postgres::pgwire::api::auth::{
    AuthSource, DefaultServerParameterProvider, LoginInfo, Password, StartupHandler,
};
use datafusion_postgres::pgwire::api::portal::Format;
use datafusion_postgres::pgwire::api::results::{Response, Tag};
use datafusion_postgres::pgwire::api::{ClientInfo, PgWireServerHandlers};
use datafusion_postgres::pgwire::error::{ErrorInfo, PgWireError, PgWireResult};
use datafusion_postgres::pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage};
use datafusion_postgres::pgwire::types::format::FormatOptions;
use datafusion_postgres::{serve_with_handlers, DfSessionService, ServerOptions};
use futures::Sink;

use crate::error::one_line;

/// What `fansql serve` was asked for.
pub struct ServeConfig {
    pub listen: SocketAddr,
    pub allow_writes: bool,
    /// (user, password) clients must give; None = no password.
    pub login: Option<(String, String)>,
}

/// The login from `FANSQL_PG_USER` / `FANSQL_PG_PASSWORD` (the user defaults to `fansql`).
pub fn login_from_env() -> Option<(String, String)> {
    let password = std::env::var("FANSQL_PG_PASSWORD").ok().filter(|p| !p.is_empty())?;
    let user = std::env::var("FANSQL_PG_USER").ok().filter(|u| !u.is_empty()).unwrap_or_else(|| "fansql".into());
    Some((user, password))
}

/// Serves `ctx` until the process ends.
pub async fn serve(ctx: SessionContext, config: ServeConfig) -> Result<()> {
    setup_pg_catalog(&ctx, "datafusion", EmptyContextProvider).map_err(|e| *e)?;
    let sessions = Arc::new(ConnectionSessions {
        base: ctx.state(),
        sessions: Mutex::new(HashMap::new()),
        allow_writes: config.allow_writes,
    });
    let hooks: Vec<Arc<dyn QueryHook>> =
        vec![sessions, Arc::new(CursorStatementHook), Arc::new(SetShowHook), Arc::new(TransactionStatementHook)];
    let startup = match config.login {
        Some((user, password)) => Startup::Password(CleartextPasswordAuthStartupHandler::new(
            FixedLogin { user, password },
            DefaultServerParameterProvider::default(),
        )),
        None => Startup::Open(OpenStartup),
    };
    let handlers = Arc::new(Handlers {
        service: Arc::new(DfSessionService::new_with_hooks(Arc::new(ctx), hooks)),
        startup: Arc::new(startup),
    });
    let options = ServerOptions::new().with_host(config.listen.ip().to_string()).with_port(config.listen.port());
    serve_with_handlers(handlers, &options)
        .await
        .map_err(|e| DataFusionError::Execution(format!("serve on {}: {e}", config.listen)))
}

/// Each connection's own session, keyed by its address, made on first use from the served one.
struct ConnectionSessions {
    base: SessionState,
    sessions: Mutex<HashMap<SocketAddr, Arc<SessionContext>>>,
    allow_writes: bool,
}

/// How the hook treats a statement.
enum Kind {
    /// Runs in the connection's session and returns rows.
    Rows,
    /// A `SET` of a fansql or DataFusion setting, for this connection only.
    Setting,
    /// Refused: writes while the server is read-only.
    Write,
    /// Left to datafusion-postgres (Postgres session statements, transactions, cursors).
    Other,
}

fn kind(statement: &Statement, allow_writes: bool) -> Kind {
    let text = statement.to_string();
    let upper = text.trim_start().to_ascii_uppercase();
    let first = upper.split_whitespace().next().unwrap_or("");
    let ours = |rest: &str| {
        let rest = rest.trim_start();
        rest.starts_with("FANSQL.") || rest.starts_with("DATAFUSION.")
    };
    match first {
        "INSERT" | "UPDATE" | "DELETE" | "MERGE" | "COPY" | "CREATE" | "DROP" | "ALTER" | "TRUNCATE"
            if !allow_writes =>
        {
            Kind::Write
        }
        _ if !allow_writes && text.to_ascii_lowercase().contains("plot_scatter") => Kind::Write,
        "SET" if ours(&upper[3..]) => Kind::Setting,
        "SHOW" if ours(&upper[4..]) => Kind::Rows,
        "SELECT" | "WITH" | "VALUES" | "EXPLAIN" | "DESCRIBE" | "TABLE" => Kind::Rows,
        "(" => Kind::Rows,
        _ if matches!(statement, Statement::Query(_)) => Kind::Rows,
        _ => Kind::Other,
    }
}

fn read_only_error() -> PgWireError {
    PgWireError::UserError(Box::new(ErrorInfo::new(
        "ERROR".into(),
        "25006".into(),
        "fansql serve is read-only: statements that write and plot functions are refused \
         (start the server with --allow-writes to allow them)"
            .into(),
    )))
}

/// A DataFusion error as a Postgres error with the message on one line.
fn query_error(e: &DataFusionError) -> PgWireError {
    let code = match e {
        DataFusionError::SQL(..) | DataFusionError::Plan(_) | DataFusionError::SchemaError(..) => "42000",
        _ => "XX000",
    };
    PgWireError::UserError(Box::new(ErrorInfo::new("ERROR".into(), code.into(), one_line(e))))
}

impl ConnectionSessions {
    fn session(&self, client: &(dyn ClientInfo + Send + Sync)) -> Arc<SessionContext> {
        let mut sessions = self.sessions.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let session = sessions
            .entry(client.socket_addr())
            .or_insert_with(|| Arc::new(SessionContext::new_with_state(self.base.clone())));
        Arc::clone(session)
    }

    async fn rows(frame: DataFrame, client: &(dyn ClientInfo + Send + Sync)) -> PgWireResult<Response> {
        let options = Arc::new(FormatOptions::from_client_metadata(client.metadata()));
        Ok(Response::Query(encode_dataframe(frame, &Format::UnifiedText, Some(options)).await?))
    }

    async fn set(session: &SessionContext, sql: &str) -> PgWireResult<Response> {
        let applied = async {
            session.sql(sql).await?.collect().await?;
            fansql_udfs::apply_settings(session)
        };
        applied.await.map_err(|e| query_error(&e))?;
        Ok(Response::Execution(Tag::new("SET")))
    }
}

#[async_trait]
impl QueryHook for ConnectionSessions {
    async fn handle_simple_query(
        &self,
        statement: &Statement,
        _shared: &SessionContext,
        client: &mut dyn HookClient,
    ) -> Option<PgWireResult<Response>> {
        let sql = statement.to_string();
        match kind(statement, self.allow_writes) {
            Kind::Write => Some(Err(read_only_error())),
            Kind::Setting => Some(Self::set(&self.session(client), &sql).await),
            Kind::Rows => {
                let session = self.session(client);
                Some(match session.sql(&sql).await {
                    Ok(frame) => Self::rows(frame, client).await,
                    Err(e) => Err(query_error(&e)),
                })
            }
            Kind::Other => None,
        }
    }

    async fn handle_extended_parse_query(
        &self,
        statement: &Statement,
        _shared: &SessionContext,
        client: &(dyn ClientInfo + Send + Sync),
    ) -> Option<PgWireResult<LogicalPlan>> {
        match kind(statement, self.allow_writes) {
            Kind::Write => Some(Err(read_only_error())),
            Kind::Rows | Kind::Setting => {
                let state = self.session(client).state();
                let parsed = datafusion::sql::parser::Statement::Statement(Box::new(statement.clone()));
                Some(state.statement_to_plan(parsed).await.map_err(|e| query_error(&e)))
            }
            Kind::Other => None,
        }
    }

    async fn handle_extended_query(
        &self,
        statement: &Statement,
        plan: &LogicalPlan,
        params: &ParamValues,
        _shared: &SessionContext,
        client: &mut dyn HookClient,
    ) -> Option<PgWireResult<Response>> {
        match kind(statement, self.allow_writes) {
            Kind::Write => Some(Err(read_only_error())),
            Kind::Setting => Some(Self::set(&self.session(client), &statement.to_string()).await),
            Kind::Rows => {
                let session = self.session(client);
                let frame = async {
                    let plan = plan.clone().replace_params_with_values(params)?;
                    session.execute_logical_plan(plan).await
                };
                Some(match frame.await {
                    Ok(frame) => Self::rows(frame, client).await,
                    Err(e) => Err(query_error(&e)),
                })
            }
            Kind::Other => None,
        }
    }
}

/// The one user and password the server accepts.
#[derive(Debug)]
struct FixedLogin {
    user: String,
    password: String,
}

#[async_trait]
impl AuthSource for FixedLogin {
    async fn get_password(&self, login: &LoginInfo) -> PgWireResult<Password> {
        if login.user() != Some(self.user.as_str()) {
            return Err(PgWireError::InvalidPassword(login.user().unwrap_or_default().to_string()));
        }
        Ok(Password::new(None, self.password.as_bytes().to_vec()))
    }
}

/// Startup without a password.
struct OpenStartup;

impl NoopStartupHandler for OpenStartup {}

/// Startup with or without a password (the server handlers need one concrete type).
enum Startup {
    Open(OpenStartup),
    Password(CleartextPasswordAuthStartupHandler<FixedLogin, DefaultServerParameterProvider>),
}

#[async_trait]
impl StartupHandler for Startup {
    async fn on_startup<C>(&self, client: &mut C, message: PgWireFrontendMessage) -> PgWireResult<()>
    where
        C: ClientInfo + Sink<PgWireBackendMessage> + Unpin + Send + Sync,
        C::Error: Debug,
        PgWireError: From<<C as Sink<PgWireBackendMessage>>::Error>,
    {
        match self {
            Startup::Open(open) => open.on_startup(client, message).await,
            Startup::Password(password) => password.on_startup(client, message).await,
        }
    }
}

struct Handlers {
    service: Arc<DfSessionService>,
    startup: Arc<Startup>,
}

impl PgWireServerHandlers for Handlers {
    fn simple_query_handler(&self) -> Arc<impl datafusion_postgres::pgwire::api::query::SimpleQueryHandler> {
        Arc::clone(&self.service)
    }

    fn extended_query_handler(&self) -> Arc<impl datafusion_postgres::pgwire::api::query::ExtendedQueryHandler> {
        Arc::clone(&self.service)
    }

    fn startup_handler(&self) -> Arc<impl StartupHandler> {
        Arc::clone(&self.startup)
    }
}
