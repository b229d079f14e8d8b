namespace Preau.Storage.LiteDb.Tests;

public sealed class FileSearchTextStoreTests : TempFolderTest
{
    private static readonly string Hash = new('a', 64);

    [Test]
    public void TryRead_Absent_IsNull() =>
        Assert.That(new FileSearchTextStore(DataDir).TryRead(Hash), Is.Null);

    [Test]
    public void Write_ThenRead_RoundTripsAndReplaces()
    {
        var store = new FileSearchTextStore(DataDir);
        store.Write(Hash, [1, 2, 3]);
        store.Write(Hash, [4, 5]);

        Assert.That(store.TryRead(Hash), Is.EqualTo(new byte[] { 4, 5 }));
        Assert.That(new FileSearchTextStore(DataDir).TryRead(Hash), Is.EqualTo(new byte[] { 4, 5 }));
        Assert.That(Directory.GetFiles(Path.Combine(DataDir, "search", "aa")), Has.Length.EqualTo(1), "no temporary file left");
    }

    [TestCase("../../etc/passwd")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("abc")]
    public void NotAHash_IsRefused(string hash)
    {
        var store = new FileSearchTextStore(DataDir);
        Assert.That(() => store.Write(hash, [1]), Throws.ArgumentException);
        Assert.That(() => store.TryRead(hash), Throws.ArgumentException);
    }
}
