//! Printing query results: a pure function of (format, batches, max rows) writing to any
//! `io::Write`, so it is testable without a terminal. Arrow has writers for everything but
//! markdown, which is written here.

use std::io::Write;
use std::str::FromStr;

use std::sync::Arc;

use datafusion::arrow::array::{Array, ArrayRef, RecordBatch, StringArray};
use datafusion::arrow::csv::WriterBuilder as CsvWriterBuilder;
use datafusion::arrow::datatypes::SchemaRef;
use datafusion::arrow::datatypes::{DataType, Field, Schema};
use datafusion::arrow::json::{ArrayWriter, LineDelimitedWriter};
use datafusion::arrow::util::display::{ArrayFormatter, FormatOptions};
use datafusion::arrow::util::pretty::pretty_format_batches_with_options;
use datafusion::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Ndjson,
    Markdown,
}

impl OutputFormat {
    pub const NAMES: &'static [&'static str] = &["table", "csv", "tsv", "json", "ndjson", "markdown"];
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "table" => Ok(Self::Table),
            "csv" => Ok(Self::Csv),
            "tsv" => Ok(Self::Tsv),
            "json" => Ok(Self::Json),
            "ndjson" | "jsonl" => Ok(Self::Ndjson),
            "markdown" | "md" => Ok(Self::Markdown),
            other => Err(format!("unknown format '{other}' (use one of: {})", Self::NAMES.join(", "))),
        }
    }
}

fn display_options() -> FormatOptions<'static> {
    FormatOptions::default().with_null("NULL")
}

/// Writes a query result in one format as its batches arrive. Line formats (CSV, TSV, NDJSON,
/// markdown) stream, so a large result never sits in memory; the table keeps only the rows it
/// shows and counts the rest; a JSON array is written whole at the end.
pub struct ResultWriter<'a> {
    out: &'a mut dyn Write,
    format: OutputFormat,
    schema: SchemaRef,
    max_rows: usize,
    kept: Vec<RecordBatch>,
    kept_rows: usize,
    total_rows: usize,
    started: bool,
}

impl<'a> ResultWriter<'a> {
    pub fn new(out: &'a mut dyn Write, format: OutputFormat, schema: SchemaRef, max_rows: usize) -> Self {
        Self { out, format, schema, max_rows, kept: Vec::new(), kept_rows: 0, total_rows: 0, started: false }
    }

    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.total_rows += batch.num_rows();
        match self.format {
            OutputFormat::Table => {
                let take = batch.num_rows().min(self.max_rows - self.kept_rows);
                if take > 0 {
                    self.kept.push(batch.slice(0, take));
                    self.kept_rows += take;
                }
            }
            OutputFormat::Json => self.kept.push(batch.clone()),
            OutputFormat::Csv | OutputFormat::Tsv => {
                let delimiter = if self.format == OutputFormat::Csv { b',' } else { b'\t' };
                let mut writer =
                    CsvWriterBuilder::new().with_header(!self.started).with_delimiter(delimiter).build(&mut *self.out);
                writer.write(&nested_as_text(batch)?)?;
            }
            OutputFormat::Ndjson => {
                let mut writer = LineDelimitedWriter::new(&mut *self.out);
                writer.write(batch)?;
                writer.finish()?;
            }
            OutputFormat::Markdown => {
                if !self.started {
                    write_markdown_header(self.out, &self.schema)?;
                }
                write_markdown_rows(self.out, batch)?;
            }
        }
        self.started = true;
        Ok(())
    }

    /// Writes what is buffered (or an empty result's header) and flushes.
    pub fn finish(self) -> Result<()> {
        let Self { out, format, schema, max_rows, kept, total_rows, started, .. } = self;
        match format {
            OutputFormat::Table => write_table(out, &schema, &kept, total_rows, max_rows)?,
            OutputFormat::Json => {
                let mut writer = ArrayWriter::new(&mut *out);
                for batch in &kept {
                    writer.write(batch)?;
                }
                writer.finish()?; // writes `[]` for an empty result too
                out.write_all(b"\n")?;
            }
            OutputFormat::Csv | OutputFormat::Tsv if !started => {
                let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
                let separator = if format == OutputFormat::Csv { "," } else { "\t" };
                writeln!(out, "{}", names.join(separator))?;
            }
            OutputFormat::Markdown if !started => write_markdown_header(out, &schema)?,
            _ => {}
        }
        out.flush()?;
        Ok(())
    }
}

fn write_table(
    out: &mut dyn Write,
    schema: &SchemaRef,
    shown: &[RecordBatch],
    total: usize,
    max_rows: usize,
) -> Result<()> {
    let empty = [RecordBatch::new_empty(schema.clone())];
    let shown = if shown.is_empty() { &empty[..] } else { shown };
    let table = pretty_format_batches_with_options(shown, &display_options())?;
    writeln!(out, "{table}")?;
    if total > max_rows {
        writeln!(out, "({total} rows, first {max_rows} shown; raise --max-rows to see more)")?;
    }
    Ok(())
}

/// CSV has no lists or structs: such columns are written as their display text
/// (`[a, b]`, `{job: [nurse]}`).
fn nested_as_text(batch: &RecordBatch) -> Result<RecordBatch> {
    if !batch.schema().fields().iter().any(|f| f.data_type().is_nested()) {
        return Ok(batch.clone());
    }
    let options = display_options();
    let mut fields = Vec::with_capacity(batch.num_columns());
    let mut columns: Vec<ArrayRef> = Vec::with_capacity(batch.num_columns());
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        if field.data_type().is_nested() {
            let formatter = ArrayFormatter::try_new(column.as_ref(), &options)?;
            let text: StringArray =
                (0..column.len()).map(|i| column.is_valid(i).then(|| formatter.value(i).to_string())).collect();
            fields.push(Field::new(field.name(), DataType::Utf8, true));
            columns.push(Arc::new(text));
        } else {
            fields.push(field.as_ref().clone());
            columns.push(Arc::clone(column));
        }
    }
    Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), columns)?)
}

fn markdown_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn write_markdown_header(out: &mut dyn Write, schema: &SchemaRef) -> Result<()> {
    let names: Vec<String> = schema.fields().iter().map(|f| markdown_cell(f.name())).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "|{}", " --- |".repeat(names.len()))?;
    Ok(())
}

fn write_markdown_rows(out: &mut dyn Write, batch: &RecordBatch) -> Result<()> {
    let options = display_options();
    let formatters = batch
        .columns()
        .iter()
        .map(|c| ArrayFormatter::try_new(c.as_ref(), &options))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    for row in 0..batch.num_rows() {
        let cells: Vec<String> = formatters.iter().map(|f| markdown_cell(&f.value(row).to_string())).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::arrow::array::{Int64Array, StringArray};

    fn sample() -> (SchemaRef, Vec<RecordBatch>) {
        let schema =
            Arc::new(Schema::new(vec![Field::new("n", DataType::Int64, false), Field::new("s", DataType::Utf8, true)]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![Arc::new(Int64Array::from(vec![1, 2])), Arc::new(StringArray::from(vec![Some("a|b"), None]))],
        )
        .unwrap();
        (schema, vec![batch])
    }

    fn render(format: OutputFormat, max_rows: usize) -> String {
        let (schema, batches) = sample();
        let mut out = Vec::new();
        let mut writer = ResultWriter::new(&mut out, format, schema, max_rows);
        for batch in &batches {
            writer.write(batch).unwrap();
        }
        writer.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markdown_escapes_pipes_and_shows_null() {
        assert_eq!(render(OutputFormat::Markdown, 40), "| n | s |\n| --- | --- |\n| 1 | a\\|b |\n| 2 | NULL |\n");
    }

    #[test]
    fn table_counts_hidden_rows() {
        let text = render(OutputFormat::Table, 1);
        assert!(text.contains("(2 rows, first 1 shown"), "{text}");
    }

    #[test]
    fn csv_writes_lists_as_text() {
        let schema = Arc::new(Schema::new(vec![Field::new(
            "l",
            DataType::List(Arc::new(Field::new_list_field(DataType::Utf8, true))),
            true,
        )]));
        let mut builder = datafusion::arrow::array::ListBuilder::new(datafusion::arrow::array::StringBuilder::new());
        builder.values().append_value("a");
        builder.values().append_value("b");
        builder.append(true);
        builder.append(false);
        let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(builder.finish())]).unwrap();
        let mut out = Vec::new();
        let mut writer = ResultWriter::new(&mut out, OutputFormat::Csv, schema, 40);
        writer.write(&batch).unwrap();
        writer.finish().unwrap();
        // a lone empty field is quoted so the row is not a blank line
        assert_eq!(String::from_utf8(out).unwrap(), "l\n\"[a, b]\"\n\"\"\n");
    }

    #[test]
    fn tsv_and_ndjson() {
        assert_eq!(render(OutputFormat::Tsv, 40), "n\ts\n1\ta|b\n2\t\n");
        assert_eq!(render(OutputFormat::Ndjson, 40), "{\"n\":1,\"s\":\"a|b\"}\n{\"n\":2}\n");
    }
}
