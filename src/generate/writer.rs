//! Streams generated rows to Parquet or CSV in batches, and writes the labels file at the end.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use datafusion::arrow::array::{
    ArrayRef, BooleanBuilder, Float64Builder, Int64Builder, RecordBatch, StringBuilder, TimestampNanosecondBuilder,
    UInt32Builder,
};
use datafusion::arrow::csv::WriterBuilder as CsvWriterBuilder;
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use datafusion::error::{DataFusionError, Result};
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::parquet::basic::{Compression, ZstdLevel};
use datafusion::parquet::file::properties::WriterProperties;

use super::persona::{Fact, Fan};
use super::phrases::{JOBS, LIFE_EVENTS, RELATIONSHIPS};

const BATCH_ROWS: usize = 64 * 1024;

pub struct MessageRow {
    pub chatter_name: String,
    pub model_name: String,
    pub fan_id: String,
    pub ts: i64,
    pub fan_message: Option<String>,
    pub chatter_message: Option<String>,
    pub price: f64,
    pub purchased: bool,
    pub tips: f64,
}

impl MessageRow {
    pub fn new(chatter: &str, model: &str, fan_id: &str, ts: i64) -> Self {
        Self {
            chatter_name: chatter.to_string(),
            model_name: model.to_string(),
            fan_id: fan_id.to_string(),
            ts,
            fan_message: None,
            chatter_message: None,
            price: 0.0,
            purchased: false,
            tips: 0.0,
        }
    }
}

/// The seed's column layout.
fn message_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("row_id", DataType::Int64, false),
        Field::new("chatter_name", DataType::Utf8, false),
        Field::new("model_name", DataType::Utf8, false),
        Field::new("fan_message", DataType::Utf8, false),
        Field::new("chatter_message", DataType::Utf8, false),
        Field::new("price", DataType::Float64, false),
        Field::new("purchased", DataType::Boolean, false),
        Field::new("fan_id", DataType::Utf8, false),
        Field::new("datetime", DataType::Timestamp(TimeUnit::Nanosecond, None), false),
        Field::new("tips", DataType::Float64, false),
        Field::new("revenue", DataType::Float64, false),
    ]))
}

fn label_schema() -> SchemaRef {
    let text = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        text("fan_model_id", false),
        text("fan_id", false),
        text("model_name", false),
        text("persona", false),
        text("language", false),
        Field::new("age", DataType::UInt32, true),
        text("job", true),
        text("city", true),
        text("relationship_status", true),
        text("life_event", true),
    ]))
}

enum Sink {
    Parquet(ArrowWriter<File>),
    Csv(datafusion::arrow::csv::Writer<File>),
}

impl Sink {
    fn create(path: &Path, schema: SchemaRef) -> Result<Sink> {
        let file = File::create(path).map_err(|e| DataFusionError::Plan(format!("{}: {e}", path.display())))?;
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            let writer =
                CsvWriterBuilder::new().with_header(true).with_timestamp_format("%Y-%m-%d %H:%M:%S".into()).build(file);
            Ok(Sink::Csv(writer))
        } else {
            let properties =
                WriterProperties::builder().set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?)).build();
            Ok(Sink::Parquet(ArrowWriter::try_new(file, schema, Some(properties))?))
        }
    }

    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        match self {
            Sink::Parquet(w) => w.write(batch)?,
            Sink::Csv(w) => w.write(batch)?,
        }
        Ok(())
    }

    fn close(self) -> Result<()> {
        if let Sink::Parquet(w) = self {
            w.close()?;
        }
        Ok(())
    }
}

#[derive(Default)]
struct MessageColumns {
    row_id: Int64Builder,
    chatter_name: StringBuilder,
    model_name: StringBuilder,
    fan_message: StringBuilder,
    chatter_message: StringBuilder,
    price: Float64Builder,
    purchased: BooleanBuilder,
    fan_id: StringBuilder,
    datetime: TimestampNanosecondBuilder,
    tips: Float64Builder,
    revenue: Float64Builder,
    rows: usize,
}

impl MessageColumns {
    fn push(&mut self, row_id: i64, row: MessageRow) {
        self.row_id.append_value(row_id);
        self.chatter_name.append_value(&row.chatter_name);
        self.model_name.append_value(&row.model_name);
        // The seed writes absent messages as empty strings.
        self.fan_message.append_value(row.fan_message.as_deref().unwrap_or(""));
        self.chatter_message.append_value(row.chatter_message.as_deref().unwrap_or(""));
        self.price.append_value(row.price);
        self.purchased.append_value(row.purchased);
        self.fan_id.append_value(&row.fan_id);
        self.datetime.append_value(row.ts);
        self.tips.append_value(row.tips);
        self.revenue.append_value(if row.purchased { row.price } else { 0.0 } + row.tips);
        self.rows += 1;
    }

    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.row_id.finish()),
            Arc::new(self.chatter_name.finish()),
            Arc::new(self.model_name.finish()),
            Arc::new(self.fan_message.finish()),
            Arc::new(self.chatter_message.finish()),
            Arc::new(self.price.finish()),
            Arc::new(self.purchased.finish()),
            Arc::new(self.fan_id.finish()),
            Arc::new(self.datetime.finish()),
            Arc::new(self.tips.finish()),
            Arc::new(self.revenue.finish()),
        ];
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }
}

#[derive(Default)]
struct LabelColumns {
    fan_model_id: StringBuilder,
    fan_id: StringBuilder,
    model_name: StringBuilder,
    persona: StringBuilder,
    language: StringBuilder,
    age: UInt32Builder,
    job: StringBuilder,
    city: StringBuilder,
    relationship: StringBuilder,
    life_event: StringBuilder,
}

pub struct LogWriter {
    schema: SchemaRef,
    sink: Sink,
    columns: MessageColumns,
    labels: LabelColumns,
    labels_path: PathBuf,
    next_row_id: i64,
}

impl LogWriter {
    pub fn create(path: &Path, labels_path: &Path) -> Result<Self> {
        let schema = message_schema();
        Ok(Self {
            sink: Sink::create(path, schema.clone())?,
            schema,
            columns: MessageColumns::default(),
            labels: LabelColumns::default(),
            labels_path: labels_path.to_path_buf(),
            next_row_id: 1,
        })
    }

    pub fn push(&mut self, row: MessageRow) -> Result<()> {
        self.columns.push(self.next_row_id, row);
        self.next_row_id += 1;
        if self.columns.rows >= BATCH_ROWS {
            let batch = self.columns.finish(&self.schema)?;
            self.sink.write(&batch)?;
        }
        Ok(())
    }

    /// Records the truth for one fan+model pair: persona, language and the facts revealed.
    pub fn label(&mut self, fan: &Fan, model_name: &str, revealed: &[Fact]) {
        let said = |fact: Fact| revealed.contains(&fact);
        let l = &mut self.labels;
        l.fan_model_id.append_value(format!("{}_{model_name}", fan.fan_id));
        l.fan_id.append_value(&fan.fan_id);
        l.model_name.append_value(model_name);
        l.persona.append_value(fan.persona.name());
        l.language.append_value(fan.language.code());
        l.age.append_option(said(Fact::Age).then_some(fan.age));
        l.job.append_option(said(Fact::Job).then_some(JOBS[fan.job][0]));
        l.city.append_option(said(Fact::City).then_some(fan.language.cities()[fan.city]));
        l.relationship.append_option(said(Fact::Relationship).then_some(RELATIONSHIPS[fan.relationship].0));
        l.life_event.append_option(said(Fact::LifeEvent).then_some(LIFE_EVENTS[fan.life_event].0));
    }

    /// Flushes the last batch, writes the labels and returns the number of messages written.
    pub fn finish(mut self) -> Result<usize> {
        if self.columns.rows > 0 {
            let batch = self.columns.finish(&self.schema)?;
            self.sink.write(&batch)?;
        }
        self.sink.close()?;
        let l = &mut self.labels;
        let schema = label_schema();
        let columns: Vec<ArrayRef> = vec![
            Arc::new(l.fan_model_id.finish()),
            Arc::new(l.fan_id.finish()),
            Arc::new(l.model_name.finish()),
            Arc::new(l.persona.finish()),
            Arc::new(l.language.finish()),
            Arc::new(l.age.finish()),
            Arc::new(l.job.finish()),
            Arc::new(l.city.finish()),
            Arc::new(l.relationship.finish()),
            Arc::new(l.life_event.finish()),
        ];
        let labels = RecordBatch::try_new(schema.clone(), columns)?;
        let mut sink = Sink::create(&self.labels_path, schema)?;
        sink.write(&labels)?;
        sink.close()?;
        Ok((self.next_row_id - 1) as usize)
    }
}
