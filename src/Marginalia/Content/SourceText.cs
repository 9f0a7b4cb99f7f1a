namespace Marginalia.Content;

/// <summary>A text file as read: its full path, the path diagnostics show, and its text with line endings made LF.</summary>
internal sealed record SourceText(string FullPath, string DisplayPath, string Text);
