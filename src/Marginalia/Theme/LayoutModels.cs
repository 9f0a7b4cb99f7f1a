using System.Diagnostics.CodeAnalysis;
using Fluid;

namespace Marginalia.Theme;

/// <summary>
/// The model types layouts may see, registered with Fluid one by one (no reflection over unknown types at render time,
/// so the command stays ready for Native AOT). Members are seen in snake_case: <c>BodyHtml</c> is <c>body_html</c>.
/// </summary>
internal sealed class LayoutModels
{
    private readonly MemberAccessStrategy _strategy;

    public LayoutModels(MemberAccessStrategy strategy)
    {
        _strategy = strategy;
        _strategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        Register<LinkView>();
        Register<SourceView>();
        Register<SiteView>();
        Register<PageView>();
    }

    public void Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicFields)] T>() => _strategy.Register<T>();
}
