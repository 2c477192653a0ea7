using IntervisieBot.Storage.AzureTables;
using IntervisieBot.Testing;

namespace IntervisieBot.Storage.Tests.AzureTables;

public sealed class AzureTableConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS10aGF0LW11c3QtbmV2ZXItYmUtbG9nZ2VkLTEyMzQ1Njc4OTA=";
    private const string Sas = "sv=2019-02-02&ss=t&srt=sco&sp=rl&se=2030-01-01T00%3A00%3A00Z&spr=https&sig=U2VjcmV0U2lnbmF0dXJlVmFsdWU%3D";

    [Fact]
    public void Parse_DevelopmentStorage_PointsAtTheLocalEmulatorWithItsWellKnownKey()
    {
        var parsed = AzureTableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(Convert.FromBase64String(AzuriteServer.AccountKey), parsed.AccountKey);
        Assert.False(parsed.UsesSharedAccessSignature);
    }

    [Fact]
    public void Parse_DevelopmentStorageWithProxy_UsesTheProxyHostOnTheTablePort()
    {
        var parsed = AzureTableConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal(new Uri("http://azurite.local:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_AccountNameAndKey_BuildsTheDefaultEndpoint()
    {
        var parsed = AzureTableConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=intervisie;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://intervisie.table.core.windows.net/"), parsed.TableEndpoint);
        Assert.Equal("intervisie", parsed.AccountName);
        Assert.Equal(Convert.FromBase64String(Key), parsed.AccountKey);
    }

    [Fact]
    public void Parse_WithoutProtocolOrSuffix_DefaultsToHttpsAndThePublicCloud()
    {
        var parsed = AzureTableConnectionString.Parse($"AccountName=intervisie;AccountKey={Key}");

        Assert.Equal(new Uri("https://intervisie.table.core.windows.net/"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_AnotherCloudsSuffix_IsUsed()
    {
        var parsed = AzureTableConnectionString.Parse($"AccountName=intervisie;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://intervisie.table.core.chinacloudapi.cn/"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitTableEndpoint_WinsOverTheDefault_AndOtherServicesAreIgnored()
    {
        var parsed = AzureTableConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_SharedAccessSignature_KeepsItWithoutTheQuestionMark()
    {
        var parsed = AzureTableConnectionString.Parse($"TableEndpoint=https://intervisie.table.core.windows.net/;SharedAccessSignature=?{Sas}");

        Assert.True(parsed.UsesSharedAccessSignature);
        Assert.Equal(Sas, parsed.SharedAccessSignature);
        Assert.Null(parsed.AccountKey);
        Assert.Null(parsed.AccountName);
    }

    [Fact]
    public void Parse_SettingNames_AreCaseInsensitive_AndSpacesAreTrimmed()
    {
        var parsed = AzureTableConnectionString.Parse($" accountname = intervisie ; ACCOUNTKEY={Key} ");

        Assert.Equal("intervisie", parsed.AccountName);
    }

    [Fact]
    public void ToString_NeverShowsTheKeyOrSignature()
    {
        var withKey = AzureTableConnectionString.Parse($"AccountName=intervisie;AccountKey={Key}").ToString();
        var withSas = AzureTableConnectionString.Parse($"TableEndpoint=https://x.table.core.windows.net;SharedAccessSignature={Sas}").ToString();

        Assert.DoesNotContain(Key[..20], withKey, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", withSas, StringComparison.Ordinal);
        Assert.Contains("intervisie", withKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage must be 'true'")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x", "only DevelopmentStorageProxyUri")]
    [InlineData("AccountName=intervisie", "needs AccountKey or SharedAccessSignature")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";SharedAccessSignature=" + Sas, "both AccountKey and SharedAccessSignature")]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=intervisie;AccountKey=not*base64!" + Key, "AccountKey is not a valid base64 key")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";TableEndpoint=not a uri", "TableEndpoint must be an absolute")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";AccountName=other", "'AccountName' twice")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";Colour=blue", "unknown setting(s): 'Colour'")]
    [InlineData("TableEndpoint=https://x.table.core.windows.net;SharedAccessSignature=sv=2019-02-02&sp=r", "no 'sig' parameter")]
    [InlineData("TableEndpoint=https://x.table.core.windows.net?" + Sas + ";SharedAccessSignature=" + Sas, "must not have a query")]
    [InlineData("AccountName=intervisie;" + Key, "position 2")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";garbage", "Setting 3")]
    [InlineData("AccountName=intervisie;AccountKey=" + Key + ";" + Key, "position 3")]
    public void Parse_Malformed_ThrowsAClearFormatException_ThatNeverRepeatsTheSecret(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AzureTableConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..16], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("U2VjcmV0", error.Message, StringComparison.Ordinal);
    }
}
