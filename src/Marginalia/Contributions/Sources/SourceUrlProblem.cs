namespace Marginalia.Contributions.Sources;

/// <summary>One thing wrong with a source's address: what, and what to cite instead.</summary>
internal sealed record SourceUrlProblem(string Message, string Hint);
