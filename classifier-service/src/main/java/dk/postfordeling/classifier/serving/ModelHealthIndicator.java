package dk.postfordeling.classifier.serving;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** The model is loaded and answers: part of readiness ({@code components.model}). */
@Component("modelHealthIndicator")
class ModelHealthIndicator extends AbstractHealthIndicator {

    private final ActiveModel model;

    ModelHealthIndicator(ActiveModel model) {
        this.model = model;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var metadata = model.classifier().metadata();
        model.classifier().predict("sundhedstjek");
        builder.up().withDetail("modelVersion", metadata.modelVersion()).withDetail("labels", metadata.labels().size())
                .withDetail("sample", metadata.data().sample());
    }
}
