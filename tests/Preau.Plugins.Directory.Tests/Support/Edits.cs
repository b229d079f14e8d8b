namespace Preau.Plugins.Directory.Tests.Support;

/// <summary>Small text surgery on export files.</summary>
internal static class Edits
{
    public static string ReplaceFirst(this string text, string old, string replacement)
    {
        var i = text.IndexOf(old, StringComparison.Ordinal);
        Assert.That(i, Is.GreaterThanOrEqualTo(0), $"« {old} » not found");
        return string.Concat(text.AsSpan(0, i), replacement, text.AsSpan(i + old.Length));
    }

    /// <summary>Replaces the first <paramref name="old"/> that comes after <paramref name="marker"/>.</summary>
    public static string ReplaceFirstAfter(this string text, string marker, string old, string replacement)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"« {marker} » not found");
        return string.Concat(text.AsSpan(0, start), text[start..].ReplaceFirst(old, replacement));
    }

    /// <summary>Inserts <paramref name="insert"/> just before the first <paramref name="marker"/>.</summary>
    public static string InsertBefore(this string text, string marker, string insert) => text.ReplaceFirst(marker, insert + marker);
}
