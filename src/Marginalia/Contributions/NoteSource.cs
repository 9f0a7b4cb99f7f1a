namespace Marginalia.Contributions;

/// <summary>
/// A source a contribution cites (a note, a term, an initiative or a question): the page's real title and address.
/// It lives with what the contributions share, below the seam that shows it (<c>Extensions.Citation</c>).
/// </summary>
internal sealed record NoteSource(string Title, Uri Url);
