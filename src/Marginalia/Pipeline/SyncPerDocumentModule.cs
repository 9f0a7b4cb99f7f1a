namespace Marginalia.Pipeline;

/// <summary>A per-document module whose work is synchronous (CPU-bound), which is most of them.</summary>
internal abstract class SyncPerDocumentModule : PerDocumentModule
{
    protected sealed override Task<IReadOnlyList<Document>> ExecuteDocumentAsync(Document input, IExecutionContext context) =>
        Task.FromResult(ExecuteDocument(input, context));

    protected abstract IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context);
}
