namespace Marginalia.Search;

/// <summary>
/// One result the search can give: a paragraph of the essay, a note, a glossary entry, an initiative page or a
/// discussion question, with the words it is found by.
/// </summary>
/// <param name="Kind">What it is, as the results list names it ("Essay", "Note", ...).</param>
/// <param name="Title">The result's heading.</param>
/// <param name="Path">Where it is, relative to the site's root, with its fragment ("glossary/index.html#wto").</param>
/// <param name="Text">Its plain text: what is indexed, and where the snippet comes from.</param>
/// <param name="Target">The element id on the reader page that shows it, when the reader shows it (a paragraph, a note).</param>
/// <param name="Name">
/// The words that name it, for an entry that is about a thing (a term and its other names, an initiative's name): they
/// weigh as much as <see cref="SearchIndexWriter.NameWeight"/> mentions in the text, so the entry about Bhashini comes
/// before the notes that mention it.
/// </param>
internal sealed record SearchEntry(string Kind, string Title, string Path, string Text, string? Target, string? Name = null);
