using System.Text;
using AngleSharp.Text;
using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class DeferredCodePagesTests
{
    [Fact]
    public void Every_name_is_the_code_page_the_code_pages_provider_gives_it()
    {
        Assert.Equal(36, DeferredCodePages.CodePages.Count);
        foreach (var (name, codePage) in DeferredCodePages.CodePages)
        {
            Assert.Equal((name, codePage), (name, CodePagesEncodingProvider.Instance.GetEncoding(name)?.CodePage ?? -1));
        }
    }

    [Theory]
    [InlineData("windows-1252", 1252)]
    [InlineData("gb18030", 54936)]
    [InlineData("Shift_JIS", 932)]
    [InlineData("euc-kr", 51949)]
    [InlineData("koi8-r", 20866)]
    [InlineData("iso-8859-2", 28592)]
    public void AngleSharps_table_holds_the_encoding_it_names_not_yet_made(string name, int codePage)
    {
        // The test process registers the provider first, as the CLI does (TestProcessStart).
        var encoding = Assert.IsType<DeferredEncoding>(TextEncoding.Resolve(name));

        Assert.Equal(codePage, encoding.CodePage);
    }

    [Fact]
    public void GB18030s_tables_are_not_built_by_AngleSharps_first_parse()
    {
        _ = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<p>a</p>");

        Assert.False(Assert.IsType<DeferredEncoding>(TextEncoding.Gb18030).IsMade);
    }

    [Fact]
    public void Names_are_found_whatever_their_case()
    {
        var encoding = Assert.IsType<DeferredEncoding>(Encoding.GetEncoding("WINDOWS-1252"));

        Assert.Equal("windows-1252", encoding.WebName);
    }

    [Fact]
    public void The_runtimes_own_encodings_are_not_deferred()
    {
        Assert.IsNotType<DeferredEncoding>(Encoding.GetEncoding("utf-8"));
        Assert.IsNotType<DeferredEncoding>(Encoding.GetEncoding("us-ascii"));
        Assert.Equal("utf-8", Encoding.GetEncoding("utf-8").WebName);
    }

    [Theory]
    [InlineData("iso-2022-cn")]
    [InlineData("no-such-charset")]
    public void A_name_no_provider_knows_still_fails(string name)
    {
        Assert.Throws<ArgumentException>(() => Encoding.GetEncoding(name));
    }
}
