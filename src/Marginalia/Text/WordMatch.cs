namespace Marginalia.Text;

/// <summary>An occurrence of a <see cref="WordPhrase"/>: its owner, the phrase, its plain-text span and its block.</summary>
internal sealed record WordMatch(int Owner, WordPhrase Phrase, int Start, int End, TextBlock Block);
