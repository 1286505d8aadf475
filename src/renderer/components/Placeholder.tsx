// A page that is not built yet says what will be there.
export function Placeholder({ title, text }: { title: string; text: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="placeholder">{text}</p>
    </section>
  );
}
