using System.Security.Cryptography;
using System.Text;

namespace Preau.Storage.LiteDb.Tests;

public sealed class FileBlobStoreTests : TempFolderTest
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("From: a@b.fr\r\nSubject: test\r\n\r\nBonjour\r\n");

    [Test]
    public async Task PutAsync_Content_ReturnsLowercaseSha256StoredUnderFanOut()
    {
        var store = new FileBlobStore(DataDir);

        var hash = await store.PutAsync(Message);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Message));
        Assert.That(hash, Is.EqualTo(expected));
        Assert.That(File.Exists(Path.Combine(DataDir, "blobs", hash[..2], hash)), Is.True);
        Assert.That(store.Exists(hash), Is.True);
    }

    [Test]
    public async Task PutAsync_SameContentTwice_KeepsOneFile()
    {
        var store = new FileBlobStore(DataDir);

        var first = await store.PutAsync(Message);
        var second = await store.PutAsync(Message.ToArray());

        Assert.That(second, Is.EqualTo(first));
        Assert.That(store.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task PutAsync_SameContentConcurrently_KeepsOneFileAndNoTemporary()
    {
        var store = new FileBlobStore(DataDir);
        var content = new byte[256 * 1024];
        new Random(7).NextBytes(content);

        var hashes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => store.PutAsync(content))));

        Assert.That(hashes.Distinct().Count(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(Path.Combine(DataDir, "blobs"), "*", SearchOption.AllDirectories), Has.Length.EqualTo(1));
        using var stream = store.Open(hashes[0]);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public async Task PutAsync_DifferentContents_OneFileEach()
    {
        var store = new FileBlobStore(DataDir);

        for (var i = 0; i < 20; i++)
        {
            _ = await store.PutAsync(Encoding.UTF8.GetBytes($"message {i}"));
        }

        Assert.That(store.Count(), Is.EqualTo(20));
    }

    [Test]
    public void Open_MissingBlob_ThrowsFileNotFound()
    {
        var store = new FileBlobStore(DataDir);

        Assert.That(() => store.Open(FakeHash(42)), Throws.InstanceOf<FileNotFoundException>());
        Assert.That(store.Exists(FakeHash(42)), Is.False);
    }

    [TestCase("../../../etc/passwd")]
    [TestCase("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [TestCase("abc")]
    public void Open_NotAHash_ThrowsArgumentException(string hash)
    {
        var store = new FileBlobStore(DataDir);

        Assert.That(() => store.Open(hash), Throws.ArgumentException);
    }

    [Test]
    public async Task Open_AfterReopen_ReturnsSameBytes()
    {
        var hash = await new FileBlobStore(DataDir).PutAsync(Message);

        using var stream = new FileBlobStore(DataDir).Open(hash);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(Message));
    }
}
