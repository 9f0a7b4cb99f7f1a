using System.Text;
using Marginalia.Text;

namespace Marginalia.Tests.Text;

public class DeferredEncodingTests
{
    private const string Sample = "Grüße, naïve café — ‘quotes’ €5, Ж и я, ΑΒΓ, שלום, مرحبا, ไทย, 日本語, 한국어, 中文";

    public static TheoryData<int> CodePages => [.. DeferredCodePages.CodePages.Values];

    private static Encoding RealOf(int codePage) => CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;

    [Fact]
    public void It_is_made_only_when_first_used()
    {
        var encoding = new DeferredEncoding(1252);
        Assert.False(encoding.IsMade);

        Assert.Equal("é", encoding.GetString([0xE9]));
        Assert.True(encoding.IsMade);
    }

    [Theory]
    [MemberData(nameof(CodePages))]
    public void It_encodes_decodes_and_describes_itself_as_the_real_code_page(int codePage)
    {
        var deferred = new DeferredEncoding(codePage);
        var real = RealOf(codePage);

        var bytes = real.GetBytes(Sample);
        Assert.Equal(bytes, deferred.GetBytes(Sample));
        Assert.Equal(bytes.Length, deferred.GetByteCount(Sample.AsSpan()));
        Assert.Equal(real.GetString(bytes), deferred.GetString(bytes));
        var everyByte = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        Assert.Equal(real.GetString(everyByte), deferred.GetString(everyByte));
        var chars = new char[deferred.GetMaxCharCount(everyByte.Length)];
        Assert.Equal(real.GetCharCount(everyByte), deferred.GetChars(everyByte, chars));
        Assert.Equal(
            (real.CodePage, real.WebName, real.EncodingName, real.IsSingleByte, real.GetMaxByteCount(7), real.GetPreamble().Length),
            (deferred.CodePage, deferred.WebName, deferred.EncodingName, deferred.IsSingleByte, deferred.GetMaxByteCount(7), deferred.GetPreamble().Length));
    }

    [Fact]
    public void Its_decoder_carries_a_character_split_between_two_reads()
    {
        var deferred = new DeferredEncoding(932);
        var bytes = RealOf(932).GetBytes("日本");
        Assert.Equal(4, bytes.Length);

        var decoder = deferred.GetDecoder();
        var chars = new char[4];
        var first = decoder.GetChars(bytes, 0, 1, chars, 0);
        var second = decoder.GetChars(bytes, 1, 3, chars, first);

        Assert.Equal("日本", new string(chars, 0, first + second));
        Assert.Equal(0, first);
    }

    [Fact]
    public void A_clone_is_the_real_encoding_whose_fallback_can_be_set_and_is_used()
    {
        var clone = (Encoding)new DeferredEncoding(1252).Clone();
        clone.EncoderFallback = EncoderFallback.ExceptionFallback;

        Assert.Throws<EncoderFallbackException>(() => clone.GetBytes("日"));
        Assert.Equal(1252, clone.CodePage);
    }

    [Fact]
    public void It_equals_the_real_code_page_and_another_of_its_kind()
    {
        Assert.True(new DeferredEncoding(1252).Equals(RealOf(1252)));
        Assert.True(new DeferredEncoding(1252).Equals(new DeferredEncoding(1252)));
        Assert.False(new DeferredEncoding(1252).Equals(new DeferredEncoding(1251)));
        Assert.Equal(RealOf(1252).GetHashCode(), new DeferredEncoding(1252).GetHashCode());
    }
}
