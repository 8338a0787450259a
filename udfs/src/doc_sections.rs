//! Sections that group fansql's functions in `SHOW FUNCTIONS` documentation.

use datafusion::logical_expr::DocSection;

pub const CONVERSATIONS: DocSection = DocSection {
    include: true,
    label: "fansql: conversations",
    description: Some("Sessionizing and purchase-milestone stages of fan conversations"),
};

pub const PARSING: DocSection = DocSection {
    include: true,
    label: "fansql: parsing",
    description: Some("Strict parsing of input columns with errors that name the column"),
};

pub const PROFILES: DocSection = DocSection {
    include: true,
    label: "fansql: profiles",
    description: Some("Fan profiles from the fans' own messages"),
};

pub const VECTORS: DocSection = DocSection {
    include: true,
    label: "fansql: vectors",
    description: Some("Arithmetic on embeddings and other vectors"),
};

pub const CLUSTERS: DocSection = DocSection {
    include: true,
    label: "fansql: clusters",
    description: Some("Clustering, cluster quality and projections of vectors, over window partitions"),
};

pub const PLOTS: DocSection = DocSection {
    include: true,
    label: "fansql: plots",
    description: Some("Plots written to files by aggregate functions"),
};

pub const EXPERIMENTS: DocSection = DocSection {
    include: true,
    label: "fansql: experiments",
    description: Some("A/B arm assignment, experiment tests and sample sizes"),
};

pub const SETTINGS: DocSection =
    DocSection { include: true, label: "fansql: settings", description: Some("Reading session settings from SQL") };
