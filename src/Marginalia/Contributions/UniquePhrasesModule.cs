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

        // Files without errors claim first, in input order, then the rejected ones: a clash between a good file and a
        // rejected one is reported at the rejected one. Plain loops: LINQ's sorting and projections over tuples were
        // 37 methods compiled at run time in every ReadyToRun build, for a few hundred files.
        var checkedFiles = new Document[inputs.Length];
        foreach (var rejectedPass in (ReadOnlySpan<bool>)[false, true])
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                var file = inputs[i].Get(key);
                if (rejected(file) != rejectedPass)
                {
                    continue;
                }

                // Every phrase is claimed, so all clashes of a file are reported, not only its first.
                var unique = true;
                foreach (var (phrase, caseSensitive, path, at) in phrases(file))
                {
                    unique &= claims.Claim(phrase, caseSensitive, path, at);
                }

                checkedFiles[i] = unique ? inputs[i] : inputs[i].With(key, reject(file));
            }
        }

        return Task.FromResult(checkedFiles.ToImmutableArray());
    }
}
