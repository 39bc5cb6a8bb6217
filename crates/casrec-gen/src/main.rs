use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "casrec-gen", about = "Synthetic CasRec exports and an anonymiser for real ones")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write every CasRec export file, plus manifest.json, into a folder.
    Generate {
        #[arg(long, default_value_t = 1000)]
        clients: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
        /// Fraction of records per defect-capable file that get a defect, e.g. 0.01.
        #[arg(long, default_value_t = 0.0)]
        defects: f64,
    },
    /// Replace personal data in real exports (optionally only one case and what it reaches).
    Anonymise {
        #[arg(long = "in")]
        input: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        case: Option<String>,
        /// A file whose first line is the key mixed into the hashes that pick the fakes, when
        /// CASREC_ANON_KEY is not set (never the key itself on the command line).
        #[arg(long)]
        key_file: Option<PathBuf>,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Generate { clients, seed, out, defects } => {
            let started = Instant::now();
            let opts = casrec_gen::GenerateOptions { clients, seed, out_dir: out.clone(), defect_rate: defects };
            let m = casrec_gen::generate(&opts).with_context(|| format!("generating into {}", out.display()))?;
            let rows: u64 = m.files.iter().map(|f| f.rows).sum();
            let bytes: u64 = m.files.iter().map(|f| f.bytes).sum();
            println!(
                "wrote {} files, {rows} rows, {:.1} MB, {} defects into {} in {:.1?}",
                m.files.len(),
                bytes as f64 / 1e6,
                m.defects.len(),
                out.display(),
                started.elapsed()
            );
        }
        Command::Anonymise { input, out, case, key_file } => {
            let key = casrec_gen::AnonymiseKey::from_environment_or_file(key_file.as_deref())?;
            let opts = casrec_gen::AnonymiseOptions { in_dir: input.clone(), out_dir: out.clone(), case, key };
            let report = casrec_gen::anonymise(&opts).with_context(|| format!("anonymising {}", input.display()))?;
            for f in &report.files {
                println!("{}: {} of {} rows", f.file, f.rows_out, f.rows_in);
            }
            for s in &report.skipped {
                eprintln!("skipped {s}: not a CasRec export file");
            }
        }
    }
    Ok(())
}
