use super::prelude::*;

pub struct HeldBySirius;

impl CasrecFunction for HeldBySirius {
    const NAME: &'static str = "held_by_sirius";
    const PARAMS: Params = Params::Exact(&[int("id"), boolean("held"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Int64;
    const DOC: &'static str = "An id a lookup gave for a row of a table the migration only reads (a bond \
        provider, an assignee), kept when `held` says Sirius holds it (a join to the `sirius_<table>` copy \
        prepare took). An id Sirius does not hold gives NULL and is recorded, so that the mapping can leave the \
        row out instead of loading an id Sirius would refuse (the original failed the load on a foreign key). \
        A NULL id gives NULL and is not recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.int64_rows(|r| {
            let id = a.int(0, r)?;
            if a.boolean(1, r) == Some(true) {
                return Some(id);
            }
            let e = ValueError::new(
                Self::NAME,
                &id.to_string(),
                ErrorKind::UnknownCode,
                "an id Sirius does not hold",
                OriginalBehaviour::Aborted,
            );
            a.record(env, r, &e);
            None
        })
    }
}
