using System.Security.Cryptography;
using System.Text;
using IntervisieBot.Storage.Protection;

namespace IntervisieBot.Storage.Tests.Protection;

public sealed class PrivacyProtectorTests
{
    private const string Secret = "Mijn teamleider negeert mijn grenzen en ik durf het niet te zeggen.";
    private static readonly EncryptionKey First = new("k1", Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly EncryptionKey Second = new("k2", Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private static PrivacyProtector With(EncryptionKey current, params EncryptionKey[] previous) => new(new KeyRing(current, previous));

    [Fact]
    public void Protect_ThenUnprotectInTheSamePlace_GivesTheTextBack()
    {
        var protector = With(First);

        var stored = protector.Protect(Secret, "SessionRecords|test~group-a");

        Assert.Equal(Secret, protector.Unprotect(stored, "SessionRecords|test~group-a"));
    }

    [Fact]
    public void Protect_HidesTheText_AndNamesItsKey()
    {
        var stored = With(First).Protect(Secret, "ConversationState|test~group-a");

        Assert.StartsWith(PrivacyProtector.TextPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("teamleider", stored, StringComparison.OrdinalIgnoreCase);
        var binary = Convert.FromBase64String(stored[PrivacyProtector.TextPrefix.Length..]);
        Assert.Equal((byte)1, binary[0]);
        Assert.Equal("k1", Encoding.ASCII.GetString(binary, 2, binary[1]));
        Assert.DoesNotContain("teamleider", Encoding.UTF8.GetString(binary), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Protect_TheSameTextTwice_GivesDifferentCiphertexts()
    {
        var protector = With(First);

        Assert.NotEqual(protector.Protect(Secret, "place"), protector.Protect(Secret, "place"));
    }

    [Fact]
    public void Unprotect_ACiphertextCopiedToAnotherGroupsRow_Fails()
    {
        var protector = With(First);
        var stored = protector.Protect(Secret, "SessionRecords|test~group-a|row1");

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored, "SessionRecords|test~group-b|row1"));
    }

    [Fact]
    public void Unprotect_AChangedCiphertext_Fails()
    {
        var protector = With(First);
        var binary = protector.Protect(Encoding.UTF8.GetBytes(Secret), "place");
        binary[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(binary, "place"));
    }

    [Fact]
    public void Rotation_OldValuesStillDecrypt_AndNewValuesUseTheNewKey()
    {
        var stored = With(First).Protect(Secret, "place");
        var rotated = With(Second, First);

        Assert.Equal(Secret, rotated.Unprotect(stored, "place"));
        var fresh = Convert.FromBase64String(rotated.Protect(Secret, "place")[PrivacyProtector.TextPrefix.Length..]);
        Assert.Equal("k2", Encoding.ASCII.GetString(fresh, 2, fresh[1]));
    }

    [Fact]
    public void Unprotect_WhenTheOldKeyWasDropped_SaysWhichSettingBringsItBack()
    {
        var stored = With(First).Protect(Secret, "place");

        var error = Assert.ThrowsAny<CryptographicException>(() => With(Second).Unprotect(stored, "place"));

        Assert.Contains("Privacy:PreviousKeys:k1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_VerifiesForItsValueOnly_AndSurvivesRotation()
    {
        var tag = With(First).Tag("conversation", "test~group-a");

        Assert.True(With(First).VerifyTag("conversation", "test~group-a", tag));
        Assert.False(With(First).VerifyTag("conversation", "test~group-b", tag));
        Assert.False(With(First).VerifyTag("other purpose", "test~group-a", tag));
        Assert.True(With(Second, First).VerifyTag("conversation", "test~group-a", tag));
        Assert.False(With(Second).VerifyTag("conversation", "test~group-a", tag));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    public void VerifyTag_WithGarbage_IsFalse(string? tag)
    {
        Assert.False(With(First).VerifyTag("conversation", "test~group-a", tag));
    }
}
