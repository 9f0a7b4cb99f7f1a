namespace Marginalia.Cli;

/// <summary>How diagnostics are printed: for people, for programs, or for GitHub's pull-request annotations.</summary>
internal enum DiagnosticFormat
{
    Text,
    Json,
    Github,
}
