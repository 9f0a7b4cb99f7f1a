namespace Marginalia.Extensions;

/// <summary>
/// A kind's pieces, for the contributors page ("Notes (3): …") and the about page ("3 notes").
/// </summary>
/// <param name="Title">How the contributors page heads them: "Notes", "Glossary entries".</param>
/// <param name="Phrase">How the about page counts them: "notes", "glossary entries".</param>
internal sealed record CreditedWork(string Title, string Phrase, IReadOnlyList<CreditedPiece> Pieces);

/// <summary>One piece: who wrote it, what it is called, and its site path.</summary>
internal sealed record CreditedPiece(string Author, string Label, string Target);
