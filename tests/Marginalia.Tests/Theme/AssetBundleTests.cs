using Marginalia.Pipeline;
using Marginalia.Theme;

namespace Marginalia.Tests.Theme;

/// <summary>
/// Assets joined as one file: the parts in order, each script isolated so an error in one leaves the next running,
/// and a page whose list is exactly a built bundle's parts loads the bundle instead.
/// </summary>
public class AssetBundleTests
{
    private static readonly AssetBundle Scripts = new("page.bundle.js", ["a.js", "b.js"]);

    private static Dictionary<string, Document> Published(params (string Name, string Text)[] assets) =>
        assets.ToDictionary(a => a.Name, a => new Document(a.Name, null, a.Text), StringComparer.Ordinal);

    [Fact]
    public void Scripts_are_joined_in_order_each_in_a_try_block_that_throws_its_error_again_later()
    {
        var text = Scripts.Join(Published(("b.js", "(function(){b()})()"), ("a.js", "(function(){a()})()")));

        Assert.Equal(
            "try{(function(){a()})()\n}catch(e){setTimeout(function(){throw e})}\n" +
            "try{(function(){b()})()\n}catch(e){setTimeout(function(){throw e})}\n",
            text);
    }

    [Fact]
    public void Stylesheets_are_joined_in_cascade_order_as_they_are()
    {
        var styles = new AssetBundle("page.bundle.css", ["site.css", "cards.css"]);

        Assert.Equal("a{color:red}\n.card{margin:0}\n", styles.Join(Published(("cards.css", ".card{margin:0}"), ("site.css", "a{color:red}"))));
    }

    [Fact]
    public void A_bundle_with_a_part_missing_is_not_made()
    {
        Assert.Null(Scripts.Join(Published(("a.js", "a()"))));
    }

    [Fact]
    public void A_list_that_is_exactly_a_built_bundles_parts_is_replaced_by_the_bundle()
    {
        var built = new Dictionary<string, string>(StringComparer.Ordinal) { ["page.bundle.js"] = "assets/page.bundle.0123abcd.js" };

        Assert.Equal(["page.bundle.js"], AssetBundle.Replace(["a.js", "b.js"], [Scripts], built));
        Assert.Equal(["b.js", "a.js"], AssetBundle.Replace(["b.js", "a.js"], [Scripts], built));
        Assert.Equal(["a.js"], AssetBundle.Replace(["a.js"], [Scripts], built));
        Assert.Equal(["a.js", "b.js"], AssetBundle.Replace(["a.js", "b.js"], [Scripts], new Dictionary<string, string>(StringComparer.Ordinal)));
    }
}
