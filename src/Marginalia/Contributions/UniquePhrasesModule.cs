using System.Collections.Immutable;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Contributions;

/// <summary>
/// Drops every file that claims a phrase (a term, an alias, a mention) another file already claims, after reporting
/// it. Documents arrive sorted by path, so "already claimed by" always names the same, earlier file.
/// </summary>
public sealed class UniquePhrasesModule<TFile>(MetadataKey<TFile> key, Func<TFile, IEnumerable<(string Phrase, bool CaseSensitive, string Path, SourceLocation At)>> phrases)
    : IModule
    where TFile : class
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = new PhraseClaims(context.Diagnostics);

        // Every phrase is claimed (ToList), so all clashes of a file are reported, not only its first.
        var kept = inputs.Where(d => phrases(d.Get(key)).Select(p => claims.Claim(p.Phrase, p.CaseSensitive, p.Path, p.At)).ToList().All(ok => ok));
        return Task.FromResult(kept.ToImmutableArray());
    }
}
