namespace Marginalia.Text;

/// <summary>A phrase to find as whole words, the index of what it belongs to (a term, an initiative), and its case rule.</summary>
internal sealed record WordPhrase(int Owner, string Phrase, bool CaseSensitive);
