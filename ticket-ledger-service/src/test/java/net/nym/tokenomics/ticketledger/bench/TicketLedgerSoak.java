package net.nym.tokenomics.ticketledger.bench;

import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: the memory soak of issue 14, finding 3. Several bonded gateways, each at its allowed rate (the service's
 * default rate limit, 10 batches/s), send batches of hostile tickets for {@code minutes}: every serial a 66-character
 * string that is not base58 and every type a 64-character name (the longest the edge lets through), so each ticket is
 * judged invalid and only the batch's idempotency record can stay in memory. Every 30 s the service's heap after a full
 * GC ({@code jcmd GC.run}, then {@code GC.heap_info}) is printed with the batches accepted and rate-limited so far. The
 * service runs with {@code -Xmx768m}, the Kubernetes pod's limit. Run from the module directory after {@code package}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) net.nym.tokenomics.ticketledger.bench.TicketLedgerSoak
 * [minutes] [gateways] [tickets-per-batch]} (add {@code -Dbench.service-jar=…} to soak another build).
 */
public final class TicketLedgerSoak {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int gateways = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        if (System.getProperty("bench.service-jvm-options") == null) {
            System.setProperty("bench.service-jvm-options", "-Xmx768m");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (ServiceProcess service = new ServiceProcess(18185)) {
            service.start(Map.of("quarkus.log.level", "WARN"));
            List<ServiceProcess.Gateway> gws = new ArrayList<>();
            for (int i = 0; i < gateways; i++) {
                gws.add(service.bondGateway(2000 + i));
            }
            service.startEpoch(1);
            System.out.printf("soak: %d gateways x 10 batches/s x %d invalid tickets, %d min, service pid %d (-Xmx768m)%n",
                    gateways, perBatch, minutes, service.pid());
            System.out.printf("t=%4ds batches=%d limited=%d other=%d heap-after-gc=%.1f MB%n", 0, 0, 0, 0, heapAfterGc(service.pid()));
            AtomicLong accepted = new AtomicLong();
            AtomicLong limited = new AtomicLong();
            AtomicLong other = new AtomicLong();
            AtomicInteger firstOther = new AtomicInteger();
            long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int g = 0; g < gateways; g++) {
                ServiceProcess.Gateway gw = gws.get(g);
                int index = g;
                threads.add(Thread.ofPlatform().start(() -> {
                    Random random = new Random(index);
                    long next = System.nanoTime();
                    for (int b = 0; System.nanoTime() < deadline; b++) {
                        List<SubmittedTicket> tickets = new ArrayList<>(perBatch);
                        for (int t = 0; t < perBatch; t++) {
                            tickets.add(new SubmittedTicket(hostile(random, 66), hostile(random, 64), today));
                        }
                        String body = ServiceProcess.body(gw, "soak-" + index + "-" + b, tickets);
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            sleep(wait);
                        }
                        next += 100_000_000L; // 10 a second: the gateway's allowed rate
                        try {
                            HttpResponse<String> r = service.post("/v1/ticket-batches", body);
                            if (r.statusCode() == 200) {
                                accepted.incrementAndGet();
                            } else if (r.statusCode() == 429) {
                                limited.incrementAndGet();
                            } else if (other.incrementAndGet() == 1) {
                                firstOther.set(r.statusCode());
                                System.out.println("unexpected answer " + r.statusCode() + ": " + r.body());
                            }
                        } catch (Exception e) {
                            other.incrementAndGet();
                        }
                    }
                }));
            }
            long started = System.nanoTime();
            while (System.nanoTime() < deadline) {
                sleep(Math.min(30_000_000_000L, deadline - System.nanoTime()));
                System.out.printf("t=%4ds batches=%d limited=%d other=%d heap-after-gc=%.1f MB%n",
                        (System.nanoTime() - started) / 1_000_000_000L, accepted.get(), limited.get(), other.get(),
                        heapAfterGc(service.pid()));
            }
            for (Thread t : threads) {
                t.join();
            }
            System.out.printf("done: %d batches (%d tickets) judged, %d rate-limited, %d other; heap after GC %.1f MB%n",
                    accepted.get(), accepted.get() * perBatch, limited.get(), other.get(), heapAfterGc(service.pid()));
        }
    }

    /** A string of {@code length} characters that is neither base58 nor a ticket type ('0', 'O', 'I', 'l' included). */
    private static String hostile(Random random, int length) {
        String alphabet = "0OIl-_xyz";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static double heapAfterGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
    }

    private static String jcmd(long pid, String command) throws Exception {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
