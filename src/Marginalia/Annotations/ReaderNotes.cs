using System.Collections.Immutable;
using Marginalia.Annotations.Reanchoring;
using Marginalia.Extensions;

namespace Marginalia.Annotations;

/// <summary>The notes of a woven essay, as the notes extension handed them on.</summary>
internal static class ReaderNotes
{
    extension(ReaderResult reader)
    {
        /// <summary>Every note (the author's footnotes among them) in reading order.</summary>
        public ImmutableArray<AnchoredNote> Notes => reader.Data.GetOrDefault(AnnotationKeys.Notes, []);

        /// <summary>Notes written against an older essay that could not be placed again (only in a build that allows them).</summary>
        public ImmutableArray<Note> Unanchored => reader.Data.GetOrDefault(AnnotationKeys.Unanchored, []);

        /// <summary>Notes placed again after the essay changed, with what <c>check --fix</c> writes into their files.</summary>
        public ImmutableArray<NoteRepair> Repairs => reader.Data.GetOrDefault(AnnotationKeys.Repairs, []);
    }
}
