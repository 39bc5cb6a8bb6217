//! `generate`: writes every catalogue file, two at a time, and the manifest.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use casrec_catalog::{CasrecFile, FILES};

use crate::error::GenError;
use crate::files;
use crate::manifest::{Defect, FileEntry, Manifest};
use crate::model;
use crate::sink::Sink;

/// Options of [`generate`].
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// Number of clients (`pat` rows); everything else scales with it.
    pub clients: u64,
    pub seed: u64,
    pub out_dir: PathBuf,
    /// Fraction of records of each defect-capable file that get a defect (0 = none).
    pub defect_rate: f64,
}

impl GenerateOptions {
    pub fn new(out_dir: impl Into<PathBuf>) -> Self {
        GenerateOptions { clients: 1000, seed: 1, out_dir: out_dir.into(), defect_rate: 0.0 }
    }
}

/// Everything a file generator needs: the options, nothing else (entities are re-derived).
pub(crate) struct Ctx {
    pub seed: u64,
    pub n: u64,
}

/// Writes every CasRec export file and `manifest.json` into `opts.out_dir`.
pub fn generate(opts: &GenerateOptions) -> Result<Manifest, GenError> {
    if opts.clients == 0 {
        return Err(GenError::InvalidOption("--clients must be at least 1".into()));
    }
    if !(0.0..=1.0).contains(&opts.defect_rate) || opts.defect_rate.is_nan() {
        return Err(GenError::InvalidOption(format!("defect rate {} is not a fraction", opts.defect_rate)));
    }
    if opts.clients > 80_000_000 {
        return Err(GenError::InvalidOption("at most 80,000,000 clients fit the case number scheme".into()));
    }
    std::fs::create_dir_all(&opts.out_dir).map_err(|e| GenError::io(&opts.out_dir, e))?;
    let ctx = Ctx { seed: opts.seed, n: opts.clients };

    // Largest files first so the two workers finish together.
    let mut order: Vec<usize> = (0..FILES.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files::weight(FILES[i].table)));
    let next = AtomicUsize::new(0);
    type Done = (usize, FileEntry, Vec<Defect>);
    let results: Mutex<Vec<Done>> = Mutex::new(Vec::new());
    let first_error: Mutex<Option<GenError>> = Mutex::new(None);
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(1, 4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                if k >= order.len() || first_error.lock().map(|e| e.is_some()).unwrap_or(true) {
                    break;
                }
                let idx = order[k];
                match write_file(&ctx, opts, &FILES[idx]) {
                    Ok((entry, defects)) => results.lock().expect("no poisoned lock").push((idx, entry, defects)),
                    Err(e) => {
                        let mut slot = first_error.lock().expect("no poisoned lock");
                        slot.get_or_insert(e);
                    }
                }
            });
        }
    });
    if let Some(e) = first_error.into_inner().expect("no poisoned lock") {
        return Err(e);
    }
    let mut done = results.into_inner().expect("no poisoned lock");
    done.sort_by_key(|(i, _, _)| *i);
    let mut manifest = Manifest {
        generator: format!("casrec-gen {}", env!("CARGO_PKG_VERSION")),
        seed: opts.seed,
        clients: opts.clients,
        defect_rate: opts.defect_rate,
        export_date: model::export_date().format("%Y-%m-%d").to_string(),
        files: Vec::with_capacity(done.len()),
        defects: Vec::new(),
    };
    for (_, entry, defects) in done {
        manifest.files.push(entry);
        manifest.defects.extend(defects);
    }
    let path = opts.out_dir.join("manifest.json");
    let json = serde_json::to_vec_pretty(&manifest)?;
    std::fs::write(&path, json).map_err(|e| GenError::io(&path, e))?;
    Ok(manifest)
}

fn write_file(
    ctx: &Ctx,
    opts: &GenerateOptions,
    file: &'static CasrecFile,
) -> Result<(FileEntry, Vec<Defect>), GenError> {
    let spec = files::defect_spec(file.table);
    let mut sink = Sink::create(&opts.out_dir, file, spec, opts.seed, opts.defect_rate)?;
    let last = files::write(ctx, file, &mut sink)?;
    sink.finish(last)
}
