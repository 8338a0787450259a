//! The one shape every fansql function struct shares, written once.

/// Declares a function struct whose arguments its own `coerce_types` checks
/// (`Signature::user_defined`), with `new()` and `Default`.
macro_rules! user_defined_function {
    ($name:ident, $volatility:expr) => {
        #[derive(Debug, PartialEq, Eq, Hash)]
        pub struct $name {
            signature: datafusion::logical_expr::Signature,
        }

        impl $name {
            pub fn new() -> Self {
                Self { signature: datafusion::logical_expr::Signature::user_defined($volatility) }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }
    };
    // A function that carries the settings it runs with (see `crate::run_settings`).
    ($name:ident, $volatility:expr, RunSettings) => {
        #[derive(Debug, PartialEq, Eq, Hash)]
        pub struct $name {
            signature: datafusion::logical_expr::Signature,
            pub settings: crate::run_settings::RunSettings,
        }

        impl $name {
            pub fn new(settings: crate::run_settings::RunSettings) -> Self {
                Self { signature: datafusion::logical_expr::Signature::user_defined($volatility), settings }
            }
        }
    };
}

pub(crate) use user_defined_function;
