namespace Marginalia.Annotations.Reanchoring;

/// <summary>A note placed again after the essay changed: its file, and the fields <c>check --fix</c> writes there.</summary>
internal sealed record NoteRepair(string FullPath, string DisplayPath, Placement Placement, string EssayVersion);
