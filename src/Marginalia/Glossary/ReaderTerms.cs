using System.Collections.Immutable;
using Marginalia.Extensions;

namespace Marginalia.Glossary;

/// <summary>The glossary terms of a woven essay, as the terms extension handed them on.</summary>
internal static class ReaderTerms
{
    extension(ReaderResult reader)
    {
        /// <summary>Every valid term with the paragraphs that use it.</summary>
        public ImmutableArray<TermUse> Terms => reader.Data.GetOrDefault(GlossaryKeys.Uses, []);
    }
}
