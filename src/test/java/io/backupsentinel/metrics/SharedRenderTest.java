package io.backupsentinel.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SharedRenderTest {
    private final AtomicInteger renders = new AtomicInteger();
    private final SharedRender<String> shared = new SharedRender<>("test", now -> {
        renders.incrementAndGet();
        return "at " + now;
    }, 1000, 3000);

    @AfterEach
    void close() {
        shared.close();
    }

    @Test
    void scrapes_within_the_refresh_window_share_one_rendering() {
        assertThat(shared.get(1, 10_000)).isEqualTo("at 10000");
        assertThat(shared.get(1, 10_999)).isEqualTo("at 10000");
        assertThat(renders).hasValue(1);
    }

    @Test
    void changed_inputs_are_rendered_at_once_by_the_scrape() {
        shared.get(1, 10_000);

        assertThat(shared.get(2, 10_001)).isEqualTo("at 10001");
    }

    @Test
    void a_rendering_older_than_the_stale_bound_is_never_served() {
        shared.get(1, 10_000);

        assertThat(shared.get(1, 13_001)).isEqualTo("at 13001");
    }

    @Test
    void a_slightly_old_rendering_is_served_while_the_next_is_rendered_in_the_background() throws Exception {
        shared.get(1, 10_000);

        assertThat(shared.get(1, 11_500)).isEqualTo("at 10000");
        // Generous bound: the background thread only has to run once on a busy machine.
        for (int i = 0; i < 600 && !shared.get(1, 11_600).equals("at 11500"); i++) {
            Thread.sleep(100);
        }
        assertThat(shared.get(1, 11_600)).isEqualTo("at 11500");
    }
}
