// Placeholder for the reader's records (helper branch importread); replaced at merge.
using System.Collections.Immutable;
using Marginalia.Diagnostics;

namespace Marginalia.Importing;

internal enum ImportFormat { WebAnnotation, Hypothesis }

internal sealed record ImportedBody(string Value, string Format, string? Language, string? Purpose);

internal sealed record ImportedLink(string Url, string? Title);

internal sealed record ImportedTarget(string? Source, string? Exact, string? Prefix, string? Suffix, int? Start, int? End, string? EssayVersion);

internal sealed record ImportedAnnotation(
    string Pointer, SourceLocation Location, ImportFormat Format, string? Id,
    ImmutableArray<string> Motivations, ImmutableArray<string> Tags, ImmutableArray<ImportedBody> Bodies, ImmutableArray<ImportedLink> Links,
    string? Creator, string? Created, string? Modified, DateTimeOffset? CreatedAt, DateTimeOffset? ModifiedAt,
    ImportedTarget? Target, bool IsReply, bool IsHidden, bool IsFlagged, bool IsDeleted, ImmutableArray<string> IgnoredSelectors);

internal sealed record ImportDocumentResult(ImportFormat Format, ImmutableArray<ImportedAnnotation> Annotations, ImmutableArray<Diagnostic> Problems);

internal static class ImportDocument
{
    public static ImportDocumentResult Read(string path, ReadOnlySpan<byte> bytes) => throw new NotImplementedException();
}

internal static class ImportLimits
{
    public const int MaxBytes = 16 * 1024 * 1024;
}
