using Marginalia.Diagnostics;

namespace Marginalia.Contributions;

/// <summary>An <c>xref:</c> link in a contributed body: what it names ("notes/x", "essay#p-…") and where it is written.</summary>
internal sealed record XrefUse(string Target, SourceLocation Location);
