using System.Collections.Immutable;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Contributions;

/// <summary>
/// Rejects every file that claims a phrase (a term, an alias, a mention) another file already claims, after reporting
/// it. Documents arrive sorted by path, so "already claimed by" always names the same, earlier file. A file rejected
/// for its own fields still claims its phrases (they are fine), and a rejected file stays, so the essay checks that
/// do not depend on what failed still run for it (<paramref name="reject"/> marks it).
/// </summary>
internal sealed class UniquePhrasesModule<TFile>(
    MetadataKey<TFile> key,
    Func<TFile, IEnumerable<(string Phrase, bool CaseSensitive, string Path, SourceLocation At)>> phrases,
    Func<TFile, bool> rejected,
    Func<TFile, TFile> reject)
    : IModule
    where TFile : class
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = new PhraseClaims(context.Diagnostics);

        // Every phrase is claimed (ToList), so all clashes of a file are reported, not only its first. Files without
        // errors claim first: a clash between a good file and a rejected one is reported at the rejected one.
        var order = inputs.Select((d, i) => (d, i)).OrderBy(x => rejected(x.d.Get(key))).ThenBy(x => x.i).ToList();
        var checkedFiles = new Document[inputs.Length];
        foreach (var (d, i) in order)
        {
            var file = d.Get(key);
            var unique = phrases(file).Select(p => claims.Claim(p.Phrase, p.CaseSensitive, p.Path, p.At)).ToList().All(ok => ok);
            checkedFiles[i] = unique ? d : d.With(key, reject(file));
        }

        return Task.FromResult(checkedFiles.ToImmutableArray());
    }
}
