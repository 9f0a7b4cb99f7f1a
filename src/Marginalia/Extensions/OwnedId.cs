using Marginalia.Contributions;

namespace Marginalia.Extensions;

/// <summary>The id of one of a kind's pieces, which the pages turn into element ids, and the file it comes from.</summary>
internal sealed record OwnedId(IdOwner Owner, string Id, string Path);
