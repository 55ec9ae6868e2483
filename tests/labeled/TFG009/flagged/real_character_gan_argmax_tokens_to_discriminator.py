# source: https://github.com/liamb315/CharacterGAN/issues/4
# reported: In a character-level GAN the seq2seq generator picks each next character with argmax and the discriminator is fed those tokens; the issue points out that nothing can be back-propagated through the argmax, so the generator cannot learn from the discriminator.
# observed (TF 2.21): gen_tape.gradient returns None for every generator weight at line 68 (tf.argmax has no gradient); the discriminator's gradient is real.
import numpy as np
import tensorflow as tf

VOCAB = 6
SEQ_LEN = 5
HIDDEN = 8
BATCH = 2


class CharGenerator(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(VOCAB, HIDDEN)
        self.cell = tf.keras.layers.GRUCell(HIDDEN)
        self.proj = tf.keras.layers.Dense(VOCAB)

    def call(self, start_tokens, noise):
        state = [noise]
        token = start_tokens
        chars = []
        for _ in range(SEQ_LEN):
            out, state = self.cell(self.embedding(token), state)
            logits = self.proj(out)
            token = tf.argmax(logits, axis=-1)  # argmax to pick the next character
            chars.append(token)
        return tf.stack(chars, axis=1)


class CharDiscriminator(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.rnn = tf.keras.layers.GRU(HIDDEN)
        self.out = tf.keras.layers.Dense(1)

    def call(self, one_hot_chars):
        return self.out(self.rnn(one_hot_chars))


class CharacterGAN:
    def __init__(self):
        self.generator = CharGenerator()
        self.discriminator = CharDiscriminator()
        self.g_opt = tf.keras.optimizers.Adam(1e-3)
        self.d_opt = tf.keras.optimizers.Adam(1e-3)
        self.bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)

    def generator_loss(self, fake_logits):
        return self.bce(tf.ones_like(fake_logits), fake_logits)

    def discriminator_loss(self, real_logits, fake_logits):
        return (self.bce(tf.ones_like(real_logits), real_logits)
                + self.bce(tf.zeros_like(fake_logits), fake_logits))

    def train_step(self, real_text):
        start = tf.zeros([BATCH], dtype=tf.int64)
        noise = tf.random.normal([BATCH, HIDDEN])
        with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
            fake_ids = self.generator(start, noise)
            fake_one_hot = tf.one_hot(fake_ids, VOCAB)
            real_one_hot = tf.one_hot(real_text, VOCAB)
            fake_logits = self.discriminator(fake_one_hot)
            real_logits = self.discriminator(real_one_hot)
            g_loss = self.generator_loss(fake_logits)
            d_loss = self.discriminator_loss(real_logits, fake_logits)
        g_grads = gen_tape.gradient(g_loss, self.generator.trainable_variables)  # expect: TFG009
        d_grads = disc_tape.gradient(d_loss, self.discriminator.trainable_variables)
        self.d_opt.apply_gradients(zip(d_grads, self.discriminator.trainable_variables))
        if all(g is None for g in g_grads):
            print("generator receives no gradient through argmax")
        return g_loss, d_loss


gan = CharacterGAN()
real_text = tf.constant(np.random.randint(0, VOCAB, size=(BATCH, SEQ_LEN)), dtype=tf.int64)
print(gan.train_step(real_text))
