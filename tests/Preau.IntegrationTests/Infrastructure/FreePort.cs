using System.Net;
using System.Net.Sockets;

namespace Preau.IntegrationTests.Infrastructure;

/// <summary>Loopback ports nobody listens on, for servers started by tests. A port is handed out
/// once per run: the OS may offer a just-released port again before the first server bound it.</summary>
internal static class FreePort
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
