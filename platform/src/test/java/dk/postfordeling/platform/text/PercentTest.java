package dk.postfordeling.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void confidencesRoundDownAndThresholdsUp() {
        assertThat(Percent.confidence(0.689)).isEqualTo(68);
        assertThat(Percent.confidence(0.995)).isEqualTo(99);
        assertThat(Percent.confidence(1.0)).isEqualTo(100);
        assertThat(Percent.confidence(0.29)).as("no floating-point slip below the printed value").isEqualTo(29);
        assertThat(Percent.threshold(0.951)).isEqualTo(96);
        assertThat(Percent.threshold(0.95)).isEqualTo(95);
        assertThat(Percent.threshold(0.57)).isEqualTo(57);
    }
}
