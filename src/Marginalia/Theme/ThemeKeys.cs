using Fluid;
using Marginalia.Pipeline;

namespace Marginalia.Theme;

/// <summary>Metadata keys set by the theme pipelines.</summary>
internal static class ThemeKeys
{
    /// <summary>A parsed layout, on documents of the Layouts pipeline.</summary>
    public static readonly MetadataKey<IFluidTemplate> Template = new(nameof(Template));

    /// <summary>The layout's name: its file name without extension ("base", "reader").</summary>
    public static readonly MetadataKey<string> LayoutName = new(nameof(LayoutName));

    /// <summary>An asset's path under theme/assets ("site.css"), on documents of the Assets pipeline.</summary>
    public static readonly MetadataKey<string> AssetName = new(nameof(AssetName));
}
