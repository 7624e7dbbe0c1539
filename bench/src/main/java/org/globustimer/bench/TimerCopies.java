package org.globustimer.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.globustimer.core.timer.Schedules;
import org.globustimer.core.timer.TimerDefinition;
import org.globustimer.core.timer.TimerRow;

/**
 * Copies of one timer the API created, each with its own id, name and start, planned as the API
 * plans a new timer: for loading many timers straight into the store. Copying the record's
 * components by name keeps this working as the definition gains fields.
 */
final class TimerCopies {

  private final TimerRow template;
  private final RecordComponent[] components = TimerDefinition.class.getRecordComponents();
  private final Constructor<TimerDefinition> canonical;

  TimerCopies(TimerRow template) throws NoSuchMethodException {
    this.template = template;
    this.canonical =
        TimerDefinition.class.getDeclaredConstructor(
            Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
  }

  TimerRow copy(long n, Instant start, Instant now) {
    try {
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        String name = components[i].getName();
        values[i] =
            switch (name) {
              case "name" -> "bench-" + n;
              case "start" -> start;
              default -> components[i].getAccessor().invoke(template.definition());
            };
      }
      TimerDefinition definition = canonical.newInstance(values);
      UUID id = UUID.randomUUID();
      definition = definition.withTiming(definition.timing().withJitterKey(id.toString()));
      return new TimerRow(
          id, template.owner(), now, definition, Schedules.initial(definition, now));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy the template timer", e);
    }
  }
}
