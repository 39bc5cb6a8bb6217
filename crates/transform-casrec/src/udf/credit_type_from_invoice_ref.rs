use super::prelude::*;

pub struct CreditTypeFromInvoiceRef;

impl CasrecFunction for CreditTypeFromInvoiceRef {
    const NAME: &'static str = "credit_type_from_invoice_ref";
    const PARAMS: Params = Params::Exact(&[text("invoice_ref")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The credit type of an invoice reference (finance_ledger `type` from `Invoice No`), \
        case-sensitive, first match wins: starts or ends with `Z` → `CREDIT REMISSION`, `CR` → `CREDIT MEMO`, `WO` \
        → `CREDIT WRITE OFF`; anything else, NULL and blank → NULL. Surrounding whitespace is not trimmed.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::credit_type_from_invoice_ref(a.text(0, r)))
    }
}
