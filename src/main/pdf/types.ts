// The documents the PDF renderers draw: plain data with amounts in integer cents and dates as
// YYYY-MM-DD, built by billing from the database so that rendering never reads it.

export interface PdfFacility {
  name: string;
  legalName: string;
  addressLines: string[];
  phone: string;
  email: string;
  finess: string;
  siret: string;
  iban: string;
  bic: string;
  vatMention: string;
  logo: { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg' } | null;
}

export interface PdfParty {
  name: string;
  addressLines: string[];
}

export interface InvoiceDocument {
  kind: 'facture' | 'avoir';
  number: string;
  issueDate: string;
  dueDate: string;
  period: string /* YYYY-MM */;
  creditedNumber: string | null;
  facility: PdfFacility;
  payer: PdfParty;
  resident: { civilite: string; nom: string; prenom: string; room: string };
  lines: { label: string; quantity: number; unitCents: number; amountCents: number }[];
  totalCents: number;
  paymentReference: string;
  legalMentions: string[];
}

export interface DeboursStatement {
  number: string /* the invoice's */;
  issueDate: string;
  period: string;
  facility: PdfFacility;
  payer: PdfParty;
  resident: InvoiceDocument['resident'];
  items: { date: string; label: string; amountCents: number }[];
  totalCents: number;
}
