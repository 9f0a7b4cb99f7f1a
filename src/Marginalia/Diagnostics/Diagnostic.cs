namespace Marginalia.Diagnostics;

/// <summary>One problem found in the input, with its place and, where we can tell, a hint to fix it.</summary>
public sealed record Diagnostic(Severity Severity, DiagnosticCode Code, SourceLocation Location, string Message, string? Hint = null)
{
    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        new(Severity.Error, code, location, message, hint);

    public static Diagnostic Warning(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        new(Severity.Warning, code, location, message, hint);

    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The compiler-style line every editor and CI log understands: <c>path:line:col: error MG0101: message</c>.</summary>
    public override string ToString() => $"{Location}: {SeverityName} {Code.Id}: {Message}";
}
