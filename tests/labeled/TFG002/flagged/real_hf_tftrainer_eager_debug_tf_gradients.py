# source: https://github.com/huggingface/transformers/pull/7557  # known-miss: run_functions_eagerly(True) is switched on under `if self.args.debug:`, and a conditional switch is not trusted
# reported: TFTrainer's training_step uses tf.gradients (the maintainers keep it because it tolerates None gradients); a user who wants to debug the trainer with eager execution gets "tf.gradients is not supported when eager execution is enabled" and proposes tf.GradientTape instead.
# observed (TF 2.21): with args.debug the trainer switches on tf.config.run_functions_eagerly(True), the @tf.function step runs eagerly and tf.gradients in training_step raises RuntimeError at line 49.
import numpy as np
import tensorflow as tf


class TFTrainingArguments(object):
    def __init__(self, debug=False, gradient_accumulation_steps=1, learning_rate=5e-5, max_steps=2):
        self.debug = debug
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.learning_rate = learning_rate
        self.max_steps = max_steps
        self.strategy = tf.distribute.get_strategy()


class TFTrainer(object):
    def __init__(self, model, args, train_dataset=None):
        self.model = model
        self.args = args
        self.train_dataset = train_dataset
        self.optimizer = None
        self.global_step = 0

    def create_optimizer_and_scheduler(self, num_training_steps):
        if not self.optimizer:
            self.optimizer = tf.keras.optimizers.Adam(learning_rate=self.args.learning_rate)

    def get_train_tfdataset(self):
        return self.train_dataset.batch(4)

    def run_model(self, features, labels, training):
        logits = self.model(features, training=training)
        loss_fn = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True,
                                                                reduction=tf.keras.losses.Reduction.NONE)
        return loss_fn(labels, logits), logits

    def _compute_nb_instances(self, batch):
        labels = batch[-1]
        return tf.reduce_sum(tf.cast(tf.not_equal(labels, -100), dtype=tf.int32))

    def training_step(self, features, labels, nb_instances_in_global_batch):
        """
        Perform a training step on features and labels.
        Subclass and override to inject some custom behavior.
        """
        per_example_loss, _ = self.run_model(features, labels, True)
        scaled_loss = per_example_loss / tf.cast(nb_instances_in_global_batch, dtype=per_example_loss.dtype)
        gradients = tf.gradients(scaled_loss, self.model.trainable_variables)  # expect: TFG002
        gradients = [
            g if g is not None else tf.zeros_like(v) for g, v in zip(gradients, self.model.trainable_variables)
        ]
        return gradients

    def apply_gradients(self, features, labels, nb_instances_in_global_batch):
        if self.args.gradient_accumulation_steps == 1:
            gradients = self.training_step(features, labels, nb_instances_in_global_batch)
            self.optimizer.apply_gradients(list(zip(gradients, self.model.trainable_variables)))

    @tf.function
    def distributed_training_steps(self, batch):
        with self.args.strategy.scope():
            nb_instances_in_batch = self._compute_nb_instances(batch)
            features, labels = batch
            self.args.strategy.run(self.apply_gradients, (features, labels, nb_instances_in_batch))

    def train(self):
        train_ds = self.get_train_tfdataset()
        if self.args.debug:
            tf.config.run_functions_eagerly(True)
        self.create_optimizer_and_scheduler(num_training_steps=self.args.max_steps)
        for step, batch in enumerate(train_ds):
            self.distributed_training_steps(batch)
            self.global_step += 1
            if self.global_step >= self.args.max_steps:
                break


model = tf.keras.Sequential([tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(8, activation='relu'),
                             tf.keras.layers.Dense(3)])
features = np.random.rand(8, 6).astype(np.float32)
labels = np.random.randint(0, 3, size=(8,)).astype(np.int32)
train_dataset = tf.data.Dataset.from_tensor_slices((features, labels))

trainer = TFTrainer(model, TFTrainingArguments(debug=True), train_dataset=train_dataset)
trainer.train()
