//! fansql: a SQL shell for fan-conversation analytics on Apache DataFusion.
//!
//! The binary (`src/main.rs`) only parses arguments and dispatches; each module here has one job.

pub mod args;
pub mod cache_command;
pub mod cluster;
pub mod data_source;
pub mod error;
pub mod exec;
pub mod generate;
pub mod helper;
pub mod messages_view;
pub mod meta_command;
pub mod object_stores;
pub mod print;
pub mod progress;
pub mod repl;
pub mod saved_queries;
pub mod serve;
pub mod session;
pub mod sql_split;
