using System.Collections.Immutable;

namespace Marginalia.Initiatives;

/// <summary>An initiative and every place the essay mentions it (plain-text spans and their paragraphs); <see cref="Linked"/> if any mention is a link.</summary>
internal sealed record InitiativeUse(Initiative Initiative, ImmutableArray<Mention> Mentions, bool Linked);

/// <summary>One mention: its span in the essay's plain text and the block (paragraph or heading) holding it.</summary>
internal sealed record Mention(int Start, int End, string BlockId);
