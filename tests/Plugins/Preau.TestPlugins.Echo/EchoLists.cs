using Preau.Plugins.Graph;
using Preau.Plugins.Mail;

namespace Preau.TestPlugins.Echo;

/// <summary>Virtual lists: <c>echo.&lt;class&gt;</c> (the class's pupils), <c>echo.tous</c> (every
/// account that receives mail) and <c>echo.interdit</c> (refused to everyone).</summary>
public sealed class EchoLists(IGraphReader graph) : IRecipientList
{
    /// <inheritdoc />
    public RecipientListResult? Expand(RecipientListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var local = request.LocalPart.ToLowerInvariant();
        if (!local.StartsWith("echo.", StringComparison.Ordinal))
        {
            return null;
        }

        var key = local["echo.".Length..];
        if (key == "interdit")
        {
            return RecipientListResult.Refuse(local, "cette liste est fermée");
        }

        if (key == "tous")
        {
            return RecipientListResult.Members(local, graph.Search(new AccountQuery { Limit = 1000 }).Select(a => a.Id).ToArray());
        }

        return graph.FindStructure(key) is { } structure
            ? RecipientListResult.Members(local, graph.PupilsOf(structure.Code).Select(a => a.Id).ToArray())
            : null;
    }
}
