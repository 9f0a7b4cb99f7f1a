using System.Collections.Immutable;
using Marginalia.Extensions;

namespace Marginalia.Initiatives;

/// <summary>The initiatives of a woven essay, as the initiatives extension handed them on.</summary>
internal static class ReaderInitiatives
{
    extension(ReaderResult reader)
    {
        /// <summary>Every valid initiative with its mentions in the essay.</summary>
        public ImmutableArray<InitiativeUse> Initiatives => reader.Data.GetOrDefault(InitiativeKeys.Uses, []);
    }
}
