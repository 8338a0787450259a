//! `fansql serve`: the session (tables, views saved queries made, every fansql function) over
//! the PostgreSQL wire protocol, so psql, DBeaver, Metabase and Grafana can query it live.
//!
//! datafusion-postgres does the protocol (pgwire), the `pg_catalog` tables clients introspect,
//! and Arrow-to-Postgres encoding. Two things it does not do are added here:
//! - **a session per connection**: it shares one `SessionContext` among all clients, so one
//!   user's `SET` would change every user's. Here each connection gets its own query service
//!   over its own copy of the session (same tables and functions, its own settings). pgwire asks
//!   for a connection's simple-query handler and then, with no await between, its
//!   extended-query handler; the first call makes the service and leaves it in a thread-local
//!   slot for the second, so both protocols of one connection share one session.
//! - **`SET` errors reported**: datafusion-postgres answers `SET` even when DataFusion rejects it;
//!   `SET fansql.*` / `SET datafusion.*` are run here so a bad value is an error.
//! - **read-only by default**: statements that write (`COPY`, `INSERT`, `CREATE`, `DROP`, ...)
//!   and functions that write files (`plot_scatter*`) are refused unless `--allow-writes`.
//!
//! Optional password authentication (cleartext, so keep to loopback or a TLS-terminating
//! proxy) from `FANSQL_PG_USER` / `FANSQL_PG_PASSWORD`.

use std::cell::RefCell;
use std::fmt::Debug;
use std::net::SocketAddr;
use std::sync::Arc;

use async_trait::async_trait;
use datafusion::common::ParamValues;
use datafusion::error::{DataFusionError, Result};
use datafusion::execution::SessionState;
use datafusion::logical_expr::LogicalPlan;
use datafusion::prelude::SessionContext;
use datafusion::sql::sqlparser::ast::Statement;
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
use datafusion_postgres::pgwire::api::results::{Response, Tag};
use datafusion_postgres::pgwire::api::{ClientInfo, PgWireServerHandlers};
use datafusion_postgres::pgwire::error::{ErrorInfo, PgWireError, PgWireResult};
use datafusion_postgres::pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage};
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
    let guard: Arc<dyn QueryHook> = Arc::new(StatementGuard { allow_writes: config.allow_writes });
    let startup = match config.login {
        Some((user, password)) => Startup::Password(Box::new(CleartextPasswordAuthStartupHandler::new(
            FixedLogin { user, password },
            DefaultServerParameterProvider::default(),
        ))),
        None => Startup::Open(OpenStartup),
    };
    let handlers = Arc::new(Handlers {
        base: ctx.state(),
        hooks: vec![guard, Arc::new(CursorStatementHook), Arc::new(SetShowHook), Arc::new(TransactionStatementHook)],
        startup: Arc::new(startup),
    });
    let options = ServerOptions::new().with_host(config.listen.ip().to_string()).with_port(config.listen.port());
    serve_with_handlers(handlers, &options)
        .await
        .map_err(|e| DataFusionError::Execution(format!("serve on {}: {e}", config.listen)))
}

/// Refuses writes on a read-only server and runs fansql's and DataFusion's `SET`s so that a bad
/// value is an error.
struct StatementGuard {
    allow_writes: bool,
}

/// How the guard treats a statement.
enum Kind {
    /// A `SET` of a fansql or DataFusion setting.
    Setting,
    /// Refused: writes while the server is read-only.
    Write,
    /// Left to datafusion-postgres.
    Other,
}

fn kind(statement: &Statement, allow_writes: bool) -> Kind {
    let upper = statement.to_string().trim_start().to_ascii_uppercase();
    let first = upper.split_whitespace().next().unwrap_or("");
    match first {
        "INSERT" | "UPDATE" | "DELETE" | "MERGE" | "COPY" | "CREATE" | "DROP" | "ALTER" | "TRUNCATE"
            if !allow_writes =>
        {
            Kind::Write
        }
        _ if !allow_writes && upper.contains("PLOT_SCATTER") => Kind::Write,
        "SET" => {
            let name = upper[3..].trim_start();
            if name.starts_with("FANSQL.") || name.starts_with("DATAFUSION.") {
                Kind::Setting
            } else {
                Kind::Other
            }
        }
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

/// Runs a `SET` in the connection's session.
async fn set(session: &SessionContext, sql: &str) -> PgWireResult<Response> {
    crate::session::run_set(session, sql).await.map_err(|e| query_error(&e))?;
    Ok(Response::Execution(Tag::new("SET")))
}

impl StatementGuard {
    /// The answer to a statement the guard handles (simple protocol, or the execute step of the
    /// extended one); None for those left to datafusion-postgres.
    async fn respond(&self, statement: &Statement, session: &SessionContext) -> Option<PgWireResult<Response>> {
        match kind(statement, self.allow_writes) {
            Kind::Write => Some(Err(read_only_error())),
            Kind::Setting => Some(set(session, &statement.to_string()).await),
            Kind::Other => None,
        }
    }
}

#[async_trait]
impl QueryHook for StatementGuard {
    async fn handle_simple_query(
        &self,
        statement: &Statement,
        session: &SessionContext,
        _client: &mut dyn HookClient,
    ) -> Option<PgWireResult<Response>> {
        self.respond(statement, session).await
    }

    async fn handle_extended_parse_query(
        &self,
        statement: &Statement,
        session: &SessionContext,
        _client: &(dyn ClientInfo + Send + Sync),
    ) -> Option<PgWireResult<LogicalPlan>> {
        match kind(statement, self.allow_writes) {
            Kind::Write => Some(Err(read_only_error())),
            Kind::Setting => {
                let parsed = datafusion::sql::parser::Statement::Statement(Box::new(statement.clone()));
                Some(session.state().statement_to_plan(parsed).await.map_err(|e| query_error(&e)))
            }
            Kind::Other => None,
        }
    }

    async fn handle_extended_query(
        &self,
        statement: &Statement,
        _plan: &LogicalPlan,
        _params: &ParamValues,
        session: &SessionContext,
        _client: &mut dyn HookClient,
    ) -> Option<PgWireResult<Response>> {
        self.respond(statement, session).await
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
    Password(Box<CleartextPasswordAuthStartupHandler<FixedLogin, DefaultServerParameterProvider>>),
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

thread_local! {
    /// The service made for the connection whose handlers pgwire is asking for (see the module
    /// comment).
    static CONNECTION_SERVICE: RefCell<Option<Arc<DfSessionService>>> = const { RefCell::new(None) };
}

struct Handlers {
    base: SessionState,
    hooks: Vec<Arc<dyn QueryHook>>,
    startup: Arc<Startup>,
}

impl Handlers {
    /// A query service over a fresh copy of the served session.
    fn new_service(&self) -> Arc<DfSessionService> {
        let session = SessionContext::new_with_state(self.base.clone());
        Arc::new(DfSessionService::new_with_hooks(Arc::new(session), self.hooks.clone()))
    }
}

impl PgWireServerHandlers for Handlers {
    fn simple_query_handler(&self) -> Arc<impl datafusion_postgres::pgwire::api::query::SimpleQueryHandler> {
        let service = self.new_service();
        CONNECTION_SERVICE.with(|slot| *slot.borrow_mut() = Some(Arc::clone(&service)));
        service
    }

    fn extended_query_handler(&self) -> Arc<impl datafusion_postgres::pgwire::api::query::ExtendedQueryHandler> {
        CONNECTION_SERVICE.with(|slot| slot.borrow_mut().take()).unwrap_or_else(|| self.new_service())
    }

    fn startup_handler(&self) -> Arc<impl StartupHandler> {
        Arc::clone(&self.startup)
    }
}
